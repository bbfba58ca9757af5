package org.fundguard.devstack;

/** A failure the person starting the stack can act on; its message is one line that says what to do. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
