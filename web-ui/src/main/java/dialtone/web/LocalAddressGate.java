package dialtone.web;

import dialtone.web.json.ApiError;
import dialtone.web.json.JsonResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves only connections made to an address the box shows the installer (its LAN addresses and
 * loopback). The server listens on every address so that a LAN address that comes late or changes
 * never stops the page; a connection to the box's WAN side is answered 403 with where to connect.
 */
final class LocalAddressGate extends Handler.Wrapper {
    private final Predicate<InetAddress> servedOn;

    LocalAddressGate(Handler next, Predicate<InetAddress> servedOn) {
        super(next);
        this.servedOn = servedOn;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getLocalSocketAddress() instanceof InetSocketAddress local
                && local.getAddress() != null
                && servedOn.test(local.getAddress())) {
            return super.handle(request, response, callback);
        }
        JsonResponse.send(
                response,
                callback,
                403,
                new ApiError(
                        "not-on-lan",
                        "The installer page is on the box's LAN side only: connect to a LAN port and open the box's LAN address.",
                        null));
        return true;
    }
}
