package org.fundguard.gateway;

import java.util.HashMap;
import java.util.Map;

/** Every upstream is the echo server, so a forwarded request answers 200 and only the gateway's own refusals differ. */
public class AllRoutesEchoResource extends EchoUpstreamResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String echo = config.get("gateway.upstreams.reports");
        for (String service : new String[] {"monitoring", "qualification", "clues", "disclosure"}) {
            config.put("gateway.upstreams." + service, echo);
        }
        return config;
    }
}
