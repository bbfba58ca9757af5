package org.fundguard.devstack;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KafkaBrokerTest {

    @Test
    void aClusterIdNeverStartsWithADashWhichTheFormatToolWouldReadAsAnOption() {
        // one random id in 64 starts with '-': a thousand draws would meet several
        for (int i = 0; i < 1000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length, id);
        }
    }
}
