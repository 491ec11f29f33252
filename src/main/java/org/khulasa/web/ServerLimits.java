package org.khulasa.web;

import io.javalin.config.JettyConfig;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * How long the server waits on clients, and on itself when stopping. A client that sends nothing
 * for {@link #IDLE_TIMEOUT} (half-sent headers, a stalled body, an idle keep-alive) is cut off,
 * so slow clients can't hold connections open. On stop (SIGTERM), the server stops accepting,
 * lets requests in flight finish for up to {@link #STOP_TIMEOUT}, and only then closes.
 */
public final class ServerLimits {
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** Below Docker's and systemd's default grace (10 s / 90 s) before they kill. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(8);

    private ServerLimits() {
    }

    /**
     * Apply after installing any handler ahead of Javalin's: the graceful stop wraps the handler
     * the server has by then, so requests answered there count as in flight too.
     */
    public static void apply(JettyConfig jetty) {
        jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
            // Tracks requests in flight for a graceful stop. Javalin puts its servlet inside the
            // innermost wrapper.
            server.setHandler(new GracefulHandler(server.getHandler()));
            // Connectors are added after this hook runs, before the server starts.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (var connector : ((Server) event).getConnectors()) {
                        if (connector instanceof ServerConnector c) {
                            // While stopping, Jetty closes connections idle for 1 s (its default):
                            // requests still arriving at a steady pace are waited for, stalled ones
                            // are not, and idle keep-alive connections don't hold the stop up.
                            c.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                        }
                    }
                }
            });
        });
    }
}
