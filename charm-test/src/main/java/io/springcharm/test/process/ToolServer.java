package io.springcharm.test.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.framework.tool.ToolRunner;
import org.jspecify.annotations.Nullable;

/**
 * The local model's stand-in for the unit agent's hook-tool server: a unix-domain socket
 * that answers the {@code jujuc} client. Each call is routed by its context id to the
 * {@link ToolRunner} of the hook that owns it; calls are handled one at a time, as Juju
 * does.
 */
public final class ToolServer implements AutoCloseable {

	// Juju's agent opens these itself without translating the caller's cwd.
	private static final Set<String> NO_CWD_TRANSLATION = Set.of("secret-add", "secret-set");

	private final Path socket;

	private final @Nullable Path ownedDirectory;

	private final ServerSocketChannel channel;

	private final Thread acceptor;

	private final Map<String, ToolRunner> contexts = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	private volatile @Nullable SocketChannel current;

	private volatile boolean closed;

	private ToolServer(Path socket, @Nullable Path ownedDirectory) throws IOException {
		this.socket = socket;
		this.ownedDirectory = ownedDirectory;
		this.channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			this.channel.bind(UnixDomainSocketAddress.of(socket));
		}
		catch (IOException | RuntimeException ex) {
			this.channel.close();
			throw ex;
		}
		this.acceptor = new Thread(this::serve, "spring-charm-tool-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Listens on a socket in a new private temporary directory, removed on {@link #close()}.
	 * A short path matters: unix socket paths are limited to about 100 bytes.
	 * @return the running server
	 * @throws IOException if the socket cannot be created
	 */
	public static ToolServer start() throws IOException {
		Path directory = Files.createTempDirectory("spring-charm-");
		try {
			return new ToolServer(directory.resolve("agent.socket"), directory);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(directory);
			throw ex;
		}
	}

	/**
	 * Listens on the given socket path, which must not exist yet.
	 * @param socket where to listen
	 * @return the running server
	 * @throws IOException if the socket cannot be created
	 */
	public static ToolServer start(Path socket) throws IOException {
		return new ToolServer(socket, null);
	}

	/** The socket path, the value of {@code JUJU_AGENT_SOCKET_ADDRESS}. */
	public Path socketPath() {
		return this.socket;
	}

	/** How many tool calls have been answered so far. */
	public long callCount() {
		return this.calls.get();
	}

	/**
	 * Routes calls carrying the given context id to a runner until the returned handle is
	 * closed.
	 * @param contextId the hook's {@code JUJU_CONTEXT_ID}
	 * @param runner answers that hook's calls
	 * @return closing it ends the routing
	 */
	public Registration register(String contextId, ToolRunner runner) {
		if (this.contexts.putIfAbsent(contextId, runner) != null) {
			throw new IllegalStateException("context id already in use: " + contextId);
		}
		return () -> this.contexts.remove(contextId, runner);
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.channel.close();
			SocketChannel client = this.current;
			if (client != null) {
				client.close();
			}
			this.acceptor.join(10_000);
			Files.deleteIfExists(this.socket);
			if (this.ownedDirectory != null) {
				Files.deleteIfExists(this.ownedDirectory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void serve() {
		while (!this.closed) {
			try (SocketChannel client = this.channel.accept()) {
				this.current = client;
				if (this.closed) {
					return;
				}
				handle(client);
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException ex) {
				// One broken client (it died mid-request) must not stop the server.
			}
			finally {
				this.current = null;
			}
		}
	}

	private void handle(SocketChannel client) throws IOException {
		InputStream in = new BufferedInputStream(Channels.newInputStream(client));
		ToolRequest request = ToolWire.readRequest(in);
		ToolResult result = answer(request);
		OutputStream out = new BufferedOutputStream(Channels.newOutputStream(client));
		ToolWire.writeResult(result, out);
		this.calls.incrementAndGet();
	}

	/**
	 * Answers one request as the server would, without a socket.
	 * @param request the request
	 * @return what the client is sent back
	 */
	ToolResult answer(ToolRequest request) {
		ToolRunner runner = this.contexts.get(request.contextId());
		if (runner == null) {
			return ToolResult.error(1, "bad request: wrong context ID; got \"" + request.contextId() + "\"");
		}
		byte[] stdin = request.stdin();
		ToolCall call = new ToolCall(request.tool(), resolvePaths(request.tool(), request.args(), request.cwd()),
				(stdin != null) ? new String(stdin, StandardCharsets.UTF_8) : null, Set.of());
		try {
			return runner.run(call);
		}
		catch (RuntimeException ex) {
			return ToolResult.error(1, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Makes file arguments ({@code --file}, {@code -o}/{@code --output}) absolute against
	 * the caller's working directory, as Juju's tools do.
	 */
	static List<String> resolvePaths(String tool, List<String> args, String cwd) {
		if (cwd.isEmpty() || NO_CWD_TRANSLATION.contains(tool)) {
			return args;
		}
		Path base = Path.of(cwd);
		List<String> resolved = new ArrayList<>(args.size());
		boolean nextIsPath = false;
		boolean options = true;
		for (String arg : args) {
			if (nextIsPath) {
				resolved.add(resolve(base, arg));
				nextIsPath = false;
				continue;
			}
			if (options && arg.equals("--")) {
				options = false;
			}
			else if (options && (arg.equals("--file") || arg.equals("--output") || arg.equals("-o"))) {
				nextIsPath = true;
			}
			else if (options && (arg.startsWith("--file=") || arg.startsWith("--output="))) {
				int eq = arg.indexOf('=');
				resolved.add(arg.substring(0, eq + 1) + resolve(base, arg.substring(eq + 1)));
				continue;
			}
			resolved.add(arg);
		}
		return resolved;
	}

	private static String resolve(Path base, String path) {
		if (path.equals("-") || path.isEmpty() || path.startsWith("/")) {
			return path;
		}
		return base.resolve(path).normalize().toString();
	}

	/** Ends the routing of one context id. */
	@FunctionalInterface
	public interface Registration extends AutoCloseable {

		@Override
		void close();
	}
}
