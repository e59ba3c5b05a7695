package io.springcharm.test.process;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The hook-tool clients (C and Python) against {@link ToolServer}. */
class ToolClientTest {

	private static final String CONTEXT = "app-0-install-0123456789abcdef0123456789abcdef";

	@TempDir
	Path dir;

	private ToolServer server;

	private final RecordingToolRunner runner = new RecordingToolRunner(ToolClientTest::answer);

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private static ToolResult answer(ToolCall call) {
		return switch (call.tool()) {
			case "is-leader" -> ToolResult.ok(call.args().contains("--format=json") ? "true\n" : "True\n");
			case "relation-set" -> ToolResult.ok("");
			case "status-set" -> ToolResult.error(2, "invalid status \"bogus\", expected one of [maintenance blocked waiting active]");
			case "juju-log" -> new ToolResult(0, "out\n", "warned\n");
			case "config-get" -> ToolResult.ok("{\"name\": \"caf\u00e9\"}\n");
			default -> throw new IllegalStateException("no such tool: " + call.tool());
		};
	}

	private InstalledTools install(ClientKind kind) {
		ToolInstaller installer = new ToolInstaller(this.dir.resolve("cache"));
		if (kind == ClientKind.NATIVE) {
			assumeTrue(installer.compiler().isPresent(), "no C compiler");
		}
		else {
			assumeTrue(onPath("python3"), "no python3");
		}
		return installer.install(this.dir.resolve("tools"), kind);
	}

	private void startServer() throws IOException {
		this.server = ToolServer.start(this.dir.resolve("agent.socket"));
		this.server.register(CONTEXT, this.runner);
	}

	private Result call(InstalledTools tools, Map<String, String> env, String stdin, String tool, String... args)
			throws Exception {
		Path cwd = Files.createDirectories(this.dir.resolve("cwd"));
		List<String> argv = new ArrayList<>();
		argv.add(tools.directory().resolve(tool).toString());
		argv.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(argv).directory(cwd.toFile());
		builder.environment().clear();
		builder.environment().putAll(env);
		builder.redirectError(this.dir.resolve("stderr").toFile());
		Process process = builder.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			// A client that does not read stdin (no --file -) may have exited already.
		}
		String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int code = process.waitFor();
		return new Result(code, stdout, Files.readString(this.dir.resolve("stderr")));
	}

	private Map<String, String> hookEnv() {
		Map<String, String> env = new HashMap<>();
		env.put("JUJU_CONTEXT_ID", CONTEXT);
		env.put("JUJU_AGENT_SOCKET_ADDRESS", this.server.socketPath().toString());
		env.put("JUJU_AGENT_SOCKET_NETWORK", "unix");
		return env;
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void sendsToolNameAndArgvAndCopiesBackStdout(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		Result result = call(tools, hookEnv(), "", "is-leader", "--format=json");
		assertThat(result).isEqualTo(new Result(0, "true\n", ""));
		assertThat(this.runner.calls()).singleElement().satisfies((call) -> {
			assertThat(call.tool()).isEqualTo("is-leader");
			assertThat(call.args()).containsExactly("--format=json");
			assertThat(call.stdin()).isNull();
		});
		assertThat(tools.client()).isEqualTo(kind);
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void readsStdinOnlyForFileDash(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		assertThat(call(tools, hookEnv(), "a: b\nc: d\n", "relation-set", "-r", "db:1", "--file", "-").exitCode()).isZero();
		assertThat(call(tools, hookEnv(), "ignored", "relation-set", "--file=-").exitCode()).isZero();
		assertThat(call(tools, hookEnv(), "ignored", "relation-set", "x=1").exitCode()).isZero();
		List<ToolCall> calls = this.runner.calls();
		assertThat(calls.get(0).stdin()).isEqualTo("a: b\nc: d\n");
		assertThat(calls.get(0).args()).containsExactly("-r", "db:1", "--file", "-");
		assertThat(calls.get(1).stdin()).isEqualTo("ignored");
		assertThat(calls.get(2).stdin()).isNull();
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void copiesExitCodeAndStderr(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		Result bad = call(tools, hookEnv(), "", "status-set", "bogus", "x");
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.stdout()).isEmpty();
		assertThat(bad.stderr()).startsWith("ERROR invalid status \"bogus\"");
		assertThat(call(tools, hookEnv(), "", "juju-log", "--", "-dash-")).isEqualTo(new Result(0, "out\n", "warned\n"));
		assertThat(this.runner.calls().get(1).args()).containsExactly("--", "-dash-");
		assertThat(call(tools, hookEnv(), "", "config-get").stdout()).isEqualTo("{\"name\": \"caf\u00e9\"}\n");
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void runnerExceptionBecomesAnError(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		Result result = call(tools, hookEnv(), "", "goal-state");
		assertThat(result).isEqualTo(new Result(1, "", "ERROR no such tool: goal-state\n"));
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void withoutContextIdFailsLikeJuju(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		Map<String, String> env = hookEnv();
		env.remove("JUJU_CONTEXT_ID");
		assertThat(call(tools, env, "", "is-leader")).isEqualTo(new Result(1, "", "ERROR JUJU_CONTEXT_ID not set\n"));
		assertThat(this.server.callCount()).isZero();
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void wrongContextIdIsABadRequest(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		Map<String, String> env = hookEnv();
		env.put("JUJU_CONTEXT_ID", "app-0-start-ffff");
		assertThat(call(tools, env, "", "is-leader"))
			.isEqualTo(new Result(1, "", "ERROR bad request: wrong context ID; got \"app-0-start-ffff\"\n"));
		assertThat(this.runner.calls()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void socketGoneIsAConnectionError(ClientKind kind) throws Exception {
		InstalledTools tools = install(kind);
		startServer();
		Map<String, String> env = hookEnv();
		this.server.close();
		Result result = call(tools, env, "", "is-leader");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).startsWith("ERROR dial unix " + this.dir.resolve("agent.socket"));
	}

	@Test
	void relativeFileArgumentsResolveAgainstTheCallersCwd() throws Exception {
		InstalledTools tools = install(ClientKind.NATIVE);
		startServer();
		call(tools, hookEnv(), "", "relation-set", "--file", "data.yaml");
		call(tools, hookEnv(), "", "config-get", "-o", "../out.json", "--format=json");
		call(tools, hookEnv(), "", "relation-set", "--file=/abs/x.yaml");
		call(tools, hookEnv(), "", "juju-log", "--", "--file", "rel");
		Path cwd = this.dir.resolve("cwd").toRealPath();
		List<ToolCall> calls = this.runner.calls();
		assertThat(calls.get(0).args()).containsExactly("--file", cwd.resolve("data.yaml").toString());
		assertThat(calls.get(1).args()).containsExactly("-o", this.dir.toRealPath().resolve("out.json").toString(),
				"--format=json");
		assertThat(calls.get(2).args()).containsExactly("--file=/abs/x.yaml");
		assertThat(calls.get(3).args()).containsExactly("--", "--file", "rel");
	}

	@Test
	void registrationEndsRouting() throws Exception {
		this.server = ToolServer.start(this.dir.resolve("agent.socket"));
		ToolServer.Registration registration = this.server.register(CONTEXT, this.runner);
		ToolRequest request = new ToolRequest(CONTEXT, "", "is-leader", List.of(), null);
		assertThat(javaCall(request)).isEqualTo(ToolResult.ok("True\n"));
		registration.close();
		assertThat(javaCall(request).stderr()).contains("wrong context ID");
	}

	@Test
	void closeRemovesTheSocket() throws Exception {
		Path socket = this.dir.resolve("closing.socket");
		this.server = ToolServer.start(socket);
		assertThat(socket).exists();
		this.server.close();
		assertThat(socket).doesNotExist();
		this.server.close();
	}

	private ToolResult javaCall(ToolRequest request) throws IOException {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(this.server.socketPath()));
			ToolWire.writeRequest(request, Channels.newOutputStream(channel));
			return ToolWire.readResult(Channels.newInputStream(channel));
		}
	}

	private static boolean onPath(String name) {
		for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, name))) {
				return true;
			}
		}
		return false;
	}

	record Result(int exitCode, String stdout, String stderr) {
	}
}
