package org.fundguard.devstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void portInUseIsReportedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertFalse(Ports.isFree(port));
            StackException e = assertThrows(StackException.class, () -> Ports.requireFree(port, "gateway", "FUNDGUARD_GATEWAY_PORT"));
            assertTrue(e.getMessage().contains("port " + port + " (gateway) is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("FUNDGUARD_GATEWAY_PORT"), e.getMessage());
        }
    }

    @Test
    void pickedPortIsFree() {
        assertTrue(Ports.isFree(Ports.pickFree()));
    }
}
