package org.fundguard.kit.app;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A public route shaped like reports-service's receipts, whose failure is logged with its path. */
@Path("/public/widgets/v1/receipts")
public class WidgetReceiptResource {

    @GET
    @Path("/{receiptCode}")
    @PermitAll
    public String follow(@PathParam("receiptCode") String receiptCode) {
        throw new IllegalStateException("the receipt store failed");
    }
}
