package org.fundguard.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/** The incoming body as a stream that stops at a byte limit (for bodies sent without a Content-Length). */
final class BoundedBody implements ReadStream<Buffer> {

    private final HttpServerRequest in;
    private final long max;
    private final Runnable onTooLarge;
    private long seen;
    private boolean overflowed;
    private Runnable overflowAction = () -> { };

    BoundedBody(HttpServerRequest in, long max, Runnable onTooLarge) {
        this.in = in;
        this.max = max;
        this.onTooLarge = onTooLarge;
    }

    void onOverflow(Runnable action) {
        this.overflowAction = action;
    }

    boolean overflowed() {
        return overflowed;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        in.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            in.handler(null);
            return this;
        }
        in.handler(chunk -> {
            if (overflowed) {
                return;
            }
            seen += chunk.length();
            if (seen > max) {
                overflowed = true;
                overflowAction.run();
                onTooLarge.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        in.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        in.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        in.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        in.endHandler(v -> {
            if (!overflowed && endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
