package org.fundguard.bench;

import jdk.net.ExtendedSocketOptions;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: requests are sent at fixed intended times whatever the answers do, and each latency is
 * measured from its intended send time, so a stall is not hidden (no coordinated omission).
 *
 * <p>The HTTP is a lean HTTP/1.1 client of its own over keep-alive blocking sockets, not {@code java.net.http.HttpClient}:
 * the generator shares the machine's cores with the system it measures, and the JDK client cost 1.5–2.2 ms of CPU per
 * request on the 2-core benchmark machine (about 0.6 of its cores at 300 req/s), CPU taken from the services under
 * test and so added to the latencies measured; this client costs about 0.25 ms per request once warm (its whole
 * JVM, measured against a local server on that machine). Here each request's bytes are built once; at its intended
 * time the scheduling thread hands the request to a worker thread from a pool, which takes the most recently idle
 * connection to the target (or opens one, TCP_NODELAY), writes the bytes (then asks for TCP_QUICKACK, see
 * {@code Connection.quickAck}) and reads the answer: status line, headers, and the body by {@code Content-Length},
 * chunked, or to the end of the connection; the body is kept only for an unexpected status (for the first problem).
 * The connection goes back to the idle ones unless the answer said {@code Connection: close} or something failed. A
 * reused idle connection that the server had closed, found so before any byte of the answer, is retried once on a new
 * connection, as HTTP clients do. Only plain {@code http://} URLs.
 *
 * <p>Timeouts: 2 s to connect, and 5 s from writing the request to the end of its answer; a request that times out or
 * meets an I/O error counts as failed (and is not in the latency histogram). An answer with another status than the
 * expected one counts as unexpected. Each run closes the connections it opened before it returns.
 */
public final class OpenModelLoad {

    /** What one run measured. */
    public record Result(Histogram latencyMicros, long sent, long ok, long failed, long unexpected, String firstProblem) {
    }

    /**
     * One HTTP/1.1 request, its bytes (request line, {@code Host}, the headers, {@code Content-Length} for a POST, blank
     * line, body) built once and written unchanged each time.
     */
    public static final class Call {
        private final String method;
        private final URI uri;
        private final String target;
        private final InetSocketAddress address;
        private final byte[] bytes;

        private Call(String method, URI uri, String target, InetSocketAddress address, byte[] bytes) {
            this.method = method;
            this.uri = uri;
            this.target = target;
            this.address = address;
            this.bytes = bytes;
        }

        /** {@code GET} or {@code POST}. */
        public String method() {
            return method;
        }

        /** The URL the call was built from. */
        public URI uri() {
            return uri;
        }

        /** The raw path and query, as sent in the request line. */
        public String target() {
            return target;
        }

        public String host() {
            return address.getHostString();
        }

        public int port() {
            return address.getPort();
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** Most worker threads at once: each holds one request in flight (at 300 req/s, a 5 s stall holds 1,500). */
    private static final int MAX_WORKERS = 2048;
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Longest status or header line accepted. */
    private static final int MAX_LINE = 64 * 1024;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "open-model-load-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /** A request with these headers: a GET when {@code body} is null, else a POST of {@code body} (sent unchanged each time). */
    public static Call request(String url, Map<String, String> headers, byte[] body) {
        URI uri = URI.create(url);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("only plain http:// URLs with a host are supported: " + url);
        }
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String method = body == null ? "GET" : "POST";
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(uri.getPort() == -1 ? "" : ":" + uri.getPort()).append("\r\n");
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')
                    || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid header " + name + ": " + value);
            }
            if (Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade").contains(lower)) {
                throw new IllegalArgumentException("header set by the client itself: " + name);
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = body == null ? h : Arrays.copyOf(h, h.length + body.length);
        if (body != null) {
            System.arraycopy(body, 0, bytes, h.length, body.length);
        }
        // resolved once here, not on every connect
        return new Call(method, uri, target, new InetSocketAddress(host, port), bytes);
    }

    /** Sends {@code call} {@code rate} times per second for {@code duration}, expecting status {@code expect}. */
    public Result run(Call call, int rate, Duration duration, int expect) throws InterruptedException {
        long total = rate * duration.toSeconds();
        Run run = new Run(expect, (int) total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long intended = start + i * intervalNanos;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    workers.execute(() -> run.send(call, intended));
                } catch (RejectedExecutionException e) {
                    run.failed(new IOException("no worker thread free: " + workers.getActiveCount() + " requests in flight"));
                }
            }
            run.done.await(30, TimeUnit.SECONDS);
            synchronized (run.latencyMicros) {
                return new Result(run.latencyMicros.copy(), total, run.ok.get(), run.failed.get(), run.unexpected.get(),
                        run.firstProblem.get());
            }
        } finally {
            run.closeAll();
        }
    }

    /** One run: its tallies and the connections it opened. */
    private static final class Run {
        final int expect;
        final Histogram latencyMicros = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final AtomicReference<String> firstProblem = new AtomicReference<>();
        final CountDownLatch done;
        /** Idle connections per target, the most recently used first. */
        final Map<InetSocketAddress, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
        final Set<Connection> open = ConcurrentHashMap.newKeySet();
        volatile boolean closed;

        Run(int expect, int total) {
            this.expect = expect;
            this.done = new CountDownLatch(total);
        }

        /** Sends one request on a worker thread and tallies its answer. */
        void send(Call call, long intended) {
            ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(call.address, a -> new ConcurrentLinkedDeque<>());
            boolean retry = false;
            for (;;) {
                Connection c = retry ? null : pool.pollFirst();
                boolean reused = c != null;
                try {
                    if (c == null) {
                        c = open(call.address);
                    }
                    c.begin(System.nanoTime() + REQUEST_TIMEOUT_NANOS);
                    c.out.write(call.bytes);
                    c.quickAck();
                    int status = c.readResponse(expect, firstProblem);
                    long micros = (System.nanoTime() - intended) / 1000;
                    String problem = status == expect || c.kept == null ? null : "status " + status + ": " + c.keptBody();
                    if (c.keepAlive && !closed) {
                        pool.offerFirst(c);
                        if (closed) {
                            close(c);
                        }
                    } else {
                        close(c);
                    }
                    if (status == expect) {
                        ok.incrementAndGet();
                    } else {
                        unexpected.incrementAndGet();
                        if (problem != null) {
                            firstProblem.compareAndSet(null, problem);
                        }
                    }
                    synchronized (latencyMicros) {
                        latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
                    }
                    done.countDown();
                    return;
                } catch (IOException | RuntimeException e) {
                    if (c != null) {
                        close(c);
                    }
                    // the server closed an idle connection before reading this request: not the request's failure
                    if (reused && !c.received && !(e instanceof SocketTimeoutException) && !closed) {
                        retry = true;
                        continue;
                    }
                    failed(e);
                    return;
                }
            }
        }

        void failed(Exception e) {
            failed.incrementAndGet();
            firstProblem.compareAndSet(null, e.toString());
            done.countDown();
        }

        Connection open(InetSocketAddress address) throws IOException {
            if (closed) {
                throw new IOException("the run has ended");
            }
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(address, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            Connection c = new Connection(s);
            open.add(c);
            if (closed) {
                close(c);
                throw new IOException("the run has ended");
            }
            return c;
        }

        void close(Connection c) {
            open.remove(c);
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        void closeAll() {
            closed = true;
            for (Connection c : open) {
                close(c);
            }
            idle.clear();
        }
    }

    /** A keep-alive connection and the reading of the answers on it. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        byte[] buf = new byte[8192];
        int pos;
        int lim;
        long deadline;
        /** Whether any byte of the current answer arrived. */
        boolean received;
        /** Whether the connection may carry another request after the current answer. */
        boolean keepAlive;
        /** The body of an unexpected answer, when kept. */
        ByteArrayOutputStream kept;

        /** Whether this socket has {@code TCP_QUICKACK} (Linux). */
        final boolean quickAck;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.quickAck = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        }

        /**
         * Acknowledges the answer's segments as they are read. A connection that sends each request soon after the
         * last answer is taken by Linux for an interactive one and its ACKs are delayed (up to 40 ms); a server that
         * writes an answer in two pieces without TCP_NODELAY then holds the second piece back until that ACK, and the
         * measured latency would be the client's delayed ACK. The setting does not last, so it is made per request.
         */
        void quickAck() throws IOException {
            if (quickAck) {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            }
        }

        void begin(long deadline) {
            this.deadline = deadline;
            this.received = false;
            this.kept = null;
        }

        String keptBody() {
            return kept == null ? "" : kept.toString(StandardCharsets.UTF_8);
        }

        /** Reads one answer (after any interim 1xx ones) and returns its status; the body is kept only if unexpected. */
        int readResponse(int expect, AtomicReference<String> firstProblem) throws IOException {
            for (;;) {
                int nl = lineEnd();
                int len = nl - pos;
                // "HTTP/1.x SSS"
                if (len < 12 || !startsWith(pos, "HTTP/1.") || buf[pos + 8] != ' ') {
                    throw new IOException("not an HTTP/1.x status line: "
                            + new String(buf, pos, Math.min(len, 80), StandardCharsets.ISO_8859_1));
                }
                boolean http10 = buf[pos + 7] == '0';
                int status = 0;
                for (int i = pos + 9; i < pos + 12; i++) {
                    int d = buf[i] - '0';
                    if (d < 0 || d > 9) {
                        throw new IOException("bad status code");
                    }
                    status = status * 10 + d;
                }
                pos = nl + 1;
                long contentLength = -1;
                boolean chunked = false;
                boolean close = false;
                boolean keepAliveHeader = false;
                for (;;) {
                    nl = lineEnd();
                    int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                    if (end == pos) {
                        pos = nl + 1;
                        break;
                    }
                    int colon = pos;
                    while (colon < end && buf[colon] != ':') {
                        colon++;
                    }
                    if (colon == end) {
                        throw new IOException("bad header line");
                    }
                    int nameEnd = colon;
                    while (nameEnd > pos && (buf[nameEnd - 1] == ' ' || buf[nameEnd - 1] == '\t')) {
                        nameEnd--;
                    }
                    if (nameIs(pos, nameEnd, "content-length")) {
                        contentLength = parseLength(colon + 1, end);
                    } else if (nameIs(pos, nameEnd, "transfer-encoding")) {
                        chunked = value(colon + 1, end).toLowerCase(Locale.ROOT).contains("chunked");
                    } else if (nameIs(pos, nameEnd, "connection")) {
                        String v = value(colon + 1, end).toLowerCase(Locale.ROOT);
                        close |= v.contains("close");
                        keepAliveHeader |= v.contains("keep-alive");
                    }
                    pos = nl + 1;
                }
                if (status >= 100 && status < 200 && status != 101) {
                    // an interim answer: no body, the real one follows
                    continue;
                }
                if (status != expect && firstProblem.get() == null) {
                    kept = new ByteArrayOutputStream();
                }
                keepAlive = !close && (!http10 || keepAliveHeader) && status != 101;
                if (status == 204 || status == 304 || status == 101) {
                    // no body
                } else if (chunked) {
                    readChunks();
                } else if (contentLength >= 0) {
                    skip(contentLength);
                } else {
                    // neither length nor chunks: the body ends with the connection
                    keepAlive = false;
                    while (true) {
                        if (kept != null) {
                            kept.write(buf, pos, lim - pos);
                        }
                        pos = lim = 0;
                        if (read() < 0) {
                            break;
                        }
                    }
                }
                return status;
            }
        }

        private void readChunks() throws IOException {
            for (;;) {
                int nl = lineEnd();
                long size = 0;
                int digits = 0;
                for (int i = pos; i < nl; i++) {
                    int d = Character.digit(buf[i], 16);
                    if (d < 0) {
                        break;
                    }
                    if (++digits > 15) {
                        throw new IOException("chunk too large");
                    }
                    size = size * 16 + d;
                }
                if (digits == 0) {
                    throw new IOException("bad chunk size line");
                }
                pos = nl + 1;
                if (size == 0) {
                    // trailers, up to the blank line
                    for (;;) {
                        nl = lineEnd();
                        boolean blank = nl == pos || (nl == pos + 1 && buf[pos] == '\r');
                        pos = nl + 1;
                        if (blank) {
                            return;
                        }
                    }
                }
                skip(size);
                nl = lineEnd();
                if (!(nl == pos || (nl == pos + 1 && buf[pos] == '\r'))) {
                    throw new IOException("chunk not followed by CRLF");
                }
                pos = nl + 1;
            }
        }

        /** Consumes {@code n} body bytes, copying them only when the body is kept. */
        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == lim) {
                    pos = lim = 0;
                    if (read() < 0) {
                        throw new EOFException("connection closed inside the body");
                    }
                }
                int take = (int) Math.min(n, lim - pos);
                if (kept != null) {
                    kept.write(buf, pos, take);
                }
                pos += take;
                n -= take;
            }
        }

        /** The index of the next {@code '\n'} at or after {@code pos}, reading more as needed. */
        private int lineEnd() throws IOException {
            int from = pos;
            for (;;) {
                for (int i = from; i < lim; i++) {
                    if (buf[i] == '\n') {
                        return i;
                    }
                }
                from = lim;
                if (lim == buf.length) {
                    if (pos > 0) {
                        System.arraycopy(buf, pos, buf, 0, lim - pos);
                        from -= pos;
                        lim -= pos;
                        pos = 0;
                    } else if (buf.length < MAX_LINE) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    } else {
                        throw new IOException("response line longer than " + MAX_LINE + " bytes");
                    }
                }
                if (read() < 0) {
                    throw new EOFException("connection closed before the answer ended");
                }
            }
        }

        /** Reads into {@code buf[lim..]} within what is left of the request's time; -1 at the end of the connection. */
        private int read() throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no complete answer within 5 s");
            }
            socket.setSoTimeout((int) Math.max(1, (left + 999_999) / 1_000_000));
            int n;
            try {
                n = in.read(buf, lim, buf.length - lim);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no complete answer within 5 s");
            }
            if (n > 0) {
                lim += n;
                received = true;
            }
            return n;
        }

        private boolean startsWith(int at, String s) {
            for (int i = 0; i < s.length(); i++) {
                if (buf[at + i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code buf[from..to)} is {@code lower} ignoring ASCII case. */
        private boolean nameIs(int from, int to, String lower) {
            if (to - from != lower.length()) {
                return false;
            }
            for (int i = 0; i < lower.length(); i++) {
                int b = buf[from + i];
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String value(int from, int to) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1).trim();
        }

        /** The decimal in {@code buf[from..to)}, blanks around it allowed. */
        private long parseLength(int from, int to) throws IOException {
            while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
                from++;
            }
            while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
                to--;
            }
            if (from == to || to - from > 18) {
                throw new IOException("bad Content-Length: " + value(from, to));
            }
            long n = 0;
            for (int i = from; i < to; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    throw new IOException("bad Content-Length: " + value(from, to));
                }
                n = n * 10 + d;
            }
            return n;
        }
    }
}
