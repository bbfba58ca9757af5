package org.fundguard.kit.consumer;

/** A message that can never be processed (unreadable, invalid, missing its id): it goes to the dead-letter topic at once. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
