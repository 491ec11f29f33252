package org.khulasa.storage;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.khulasa.article.ImportedArchive.Address;
import org.khulasa.article.ImportedArchive.TagAddress;

/** The old site's addresses that lead elsewhere than to an article ({@code old_addresses}, migration 008). */
final class ImportedAddresses {

    private ImportedAddresses() {
    }

    /**
     * Adds those not known yet; a tag's address gets its target once the tag has a slug (the
     * batch wrote it before), else none: a tag no imported article shows has no page to lead to.
     */
    static void add(Handle h, List<Address> addresses, List<TagAddress> tagAddresses) {
        if (!addresses.isEmpty()) {
            PreparedBatch insert = h.prepareBatch("""
                    INSERT INTO old_addresses (old_address, target, status) VALUES (:address, :target, :status)
                    ON CONFLICT (old_address) DO NOTHING
                    """);
            for (Address a : addresses) {
                insert.bind("address", a.oldAddress()).bind("target", a.target()).bind("status", a.status()).add();
            }
            insert.execute();
        }
        if (!tagAddresses.isEmpty()) {
            PreparedBatch insert = h.prepareBatch("""
                    INSERT INTO old_addresses (old_address, target, status)
                    SELECT :address, REPLACE(:target, :placeholder, slug), 301 FROM tags WHERE name = :tag
                    ON CONFLICT (old_address) DO NOTHING
                    """);
            for (TagAddress a : tagAddresses) {
                insert.bind("address", a.oldAddress()).bind("target", a.target())
                        .bind("placeholder", TagAddress.TAG_SLUG).bind("tag", a.tag()).add();
            }
            insert.execute();
        }
    }
}
