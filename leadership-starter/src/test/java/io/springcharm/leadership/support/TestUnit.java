package io.springcharm.leadership.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.springcharm.framework.CharmApplication;
import io.springcharm.framework.CharmApplication.HookOutcome;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.leadership.probe.ProbeCharm;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One unit of the fake application: its own charm directory (so unit state persists from
 * hook to hook), its own machine directory, and its tool runner. Each hook runs through the
 * real entry point with a fresh Spring context.
 */
public final class TestUnit {

	public static final String METADATA = """
			name: app
			peers:
			  cluster:
			    interface: app-peers
			""";

	private final FakeJuju juju;

	private final FakeJuju.Unit tools;

	private final Path charmDir;

	private final Path machineRoot;

	private final Map<String, Object> properties = new HashMap<>();

	private int hooks;

	public TestUnit(FakeJuju juju, String name, Path root) {
		this.juju = juju;
		this.tools = juju.unit(name);
		Path unitDir = root.resolve(name.replace('/', '-'));
		this.charmDir = unitDir.resolve("charm");
		this.machineRoot = unitDir.resolve("machine");
		try {
			Files.createDirectories(this.charmDir);
			Files.createDirectories(this.machineRoot);
			Files.writeString(this.charmDir.resolve("metadata.yaml"), METADATA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String name() {
		return this.tools.name();
	}

	public Path charmDir() {
		return this.charmDir;
	}

	public Path machineRoot() {
		return this.machineRoot;
	}

	/** Sets a Spring property for this unit's next hooks, for example {@code charm.leadership.backend}. */
	public TestUnit property(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/** Replaces metadata.yaml. */
	public TestUnit metadata(String yaml) throws IOException {
		Files.writeString(this.charmDir.resolve("metadata.yaml"), yaml);
		return this;
	}

	/** Runs a hook of the probe charm with these actions in its first handler. */
	@SafeVarargs
	public final HookRun run(String hook, Consumer<HookContext>... actions) {
		return run(ProbeCharm.class, hook, new Probe(actions));
	}

	/** Runs a hook of the probe charm. */
	public HookRun run(String hook, Probe probe) {
		return run(ProbeCharm.class, hook, probe);
	}

	/** Runs a hook of any charm; fails the test on a tool call the fake does not answer. */
	public HookRun run(Class<?> charm, String hook, Probe probe) {
		return run(charm, hook, probe, this.juju.backend().jujuVersion(), Map.of());
	}

	/** Runs a hook with a given Juju version and extra environment variables. */
	public HookRun run(Class<?> charm, String hook, Probe probe, String jujuVersion, Map<String, String> extraEnv) {
		int before = this.tools.calls().size();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("JUJU_UNIT_NAME", name());
		env.put("JUJU_CONTEXT_ID", name() + "-" + (++this.hooks));
		env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
		env.put("JUJU_CHARM_DIR", this.charmDir.toString());
		env.put("JUJU_MODEL_NAME", "test");
		env.put("JUJU_VERSION", jujuVersion);
		env.put(HookEnvironment.MACHINE_ROOT_VARIABLE, this.machineRoot.toString());
		if (hook.startsWith(FakeJuju.PEER + "-relation-")) {
			env.put("JUJU_RELATION", FakeJuju.PEER);
			env.put("JUJU_RELATION_ID", FakeJuju.RELATION_ID);
			env.put("JUJU_REMOTE_APP", FakeJuju.APP);
		}
		env.putAll(extraEnv);
		Map<String, Object> props = new HashMap<>(this.properties);
		CharmApplication application = new CharmApplication(charm).environment(env)
			.errors(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
			.initializer((ConfigurableApplicationContext context) -> {
				context.getBeanFactory().registerSingleton("probe", probe);
				context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", props));
			});
		if (!extraEnv.containsKey("PATH")) {
			application.toolRunner(this.tools);
		}
		HookOutcome outcome = application.execute();
		this.tools.endHook(outcome.exitCode() == 0);
		assertThat(this.tools.unknown()).as("tool calls the fake Juju does not answer").isEmpty();
		List<ToolCall> calls = new ArrayList<>(this.tools.calls().subList(before, this.tools.calls().size()));
		return new HookRun(outcome.exitCode(), outcome.failure(), probe, calls);
	}

	/** The unit state last committed. */
	public Committed committed() {
		return Committed.read(this.charmDir);
	}

	/** The raw state file, to compare before and after a failed hook. */
	public String stateFile() throws IOException {
		Path file = this.charmDir.resolve(io.springcharm.framework.state.UnitState.FILE_NAME);
		return Files.exists(file) ? Files.readString(file) : "";
	}
}
