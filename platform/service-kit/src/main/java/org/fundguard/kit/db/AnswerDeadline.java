package org.fundguard.kit.db;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.impl.Connection;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.impl.SqlConnectionBase;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a PostgreSQL connection whose server has not answered for {@code fundguard.db.silence-timeout} while a
 * request of ours waits: a stalled server (stopped process, frozen host, dead link) accepts the bytes — the kernel
 * acknowledges them — and never answers, and the Vert.x client has no deadline of its own (its socket idle timeout
 * is not applied to SQL connections). Closing fails the waiting query with a closed-connection error, which the kit
 * answers with 503, and ends the transaction: the server rolls it back when it runs again.
 *
 * <p>Sits in the connection's Netty pipeline, after TLS, before the PostgreSQL codec. A connection waits from its first
 * write after an answer until a read that ends with a complete ReadyForQuery message (the end of every answer); any
 * read in between counts as progress and restarts the clock. An idle connection is never closed.
 */
final class AnswerDeadline extends ChannelDuplexHandler {

    static final String NAME = "fundguard-answer-deadline";

    private final long timeoutNanos;
    private long waitingSince = -1;
    private ScheduledFuture<?> check;

    private AnswerDeadline(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** Installs the deadline on a freshly opened pooled connection; false when its socket cannot be reached. */
    static boolean install(SqlConnection connection, long timeoutMillis) {
        if (!(connection instanceof SqlConnectionBase<?> base)) {
            return false;
        }
        Connection c = base.unwrap();
        for (int i = 0; i < 8 && !(c instanceof SocketConnectionBase); i++) {
            Connection next = c.unwrap();
            if (next == c) {
                break;
            }
            c = next;
        }
        if (!(c instanceof SocketConnectionBase socket)) {
            return false;
        }
        ChannelPipeline p = socket.socket().channelHandlerContext().pipeline();
        if (p.get(NAME) != null) {
            return true;
        }
        AnswerDeadline d = new AnswerDeadline(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        if (p.get("codec") != null) {
            p.addBefore("codec", NAME, d);
        } else if (p.get("handler") != null) {
            p.addBefore("handler", NAME, d);
        } else {
            p.addFirst(NAME, d);
        }
        return true;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long period = Math.max(100, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 4));
        check = ctx.executor().scheduleAtFixedRate(() -> {
            if (waitingSince >= 0 && System.nanoTime() - waitingSince > timeoutNanos && ctx.channel().isActive()) {
                ctx.close();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (waitingSince < 0) {
            waitingSince = System.nanoTime();
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (waitingSince >= 0) {
            waitingSince = msg instanceof ByteBuf b && endsWithReadyForQuery(b) ? -1 : System.nanoTime();
        }
        super.channelRead(ctx, msg);
    }

    /** 'Z', length 5, transaction status ('I', 'T' or 'E'): the last message of every answer. */
    static boolean endsWithReadyForQuery(ByteBuf b) {
        int end = b.writerIndex();
        if (end - b.readerIndex() < 6) {
            return false;
        }
        byte status = b.getByte(end - 1);
        return b.getByte(end - 6) == 'Z' && b.getInt(end - 5) == 5 && (status == 'I' || status == 'T' || status == 'E');
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
