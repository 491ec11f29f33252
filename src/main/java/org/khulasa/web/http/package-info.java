/**
 * Small helpers both {@code web} and {@code web.pages} use, depending on nothing of Khulasa's: one
 * parser for each kind of input a request carries (article ids, RFC 3339 times), SHA-256
 * digests, and entity-tag matching.
 */
package org.khulasa.web.http;
