package org.fundguard.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdksTest {

    @Test
    void readsTheRunningJdksFeatureVersion() {
        Optional<Jdks.Jdk> self = Jdks.inspect(Path.of(System.getProperty("java.home")));
        assertTrue(self.isPresent(), "the running JDK has a release file");
        assertEquals(Runtime.version().feature(), self.get().feature());
    }

    @Test
    void findsNothingNewerThanAnyJdkThatExists() {
        assertTrue(Jdks.find(999).isEmpty());
    }

    @Test
    void missingJdkIsAOneLineInstruction() {
        StackException e = org.junit.jupiter.api.Assertions.assertThrows(StackException.class, () -> Jdks.require(999));
        assertTrue(e.getMessage().contains("JDK 999 or newer") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
