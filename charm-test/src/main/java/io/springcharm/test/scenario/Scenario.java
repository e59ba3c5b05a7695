package io.springcharm.test.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.springcharm.framework.CharmApplication;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.metadata.Endpoint;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import io.springcharm.test.juju.CommitException;
import io.springcharm.test.juju.HookContext;
import io.springcharm.test.juju.HookEnvironmentBuilder;
import io.springcharm.test.juju.JujuModel;
import io.springcharm.test.juju.SecretView;
import io.springcharm.test.juju.StatusInfo;
import io.springcharm.test.model.ActionResult;
import io.springcharm.test.model.CharmDirectories;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * State-transition tests for one charm, in the spirit of ops' Scenario: give an input
 * {@link State} and one {@link Event}; the event runs through the charm's real entry point
 * ({@link CharmApplication}) with a fresh Spring context, against an in-memory Juju built
 * from the state; the {@link Result} holds the output state and what happened.
 * <p>
 * Input Juju could not produce is rejected before running with an
 * {@link InconsistentScenarioException}. Each run copies the charm directory to a scratch
 * directory (the unit state file is written there, never into the source), deleted after
 * the run unless a {@link #workDirectory(Path) work directory} is given.
 * <p>
 * Immutable: the {@code with…}-style methods return configured copies.
 */
public final class Scenario {

	private final Class<?> charmClass;

	private final Path charmDir;

	private final CharmMetadata metadata;

	private final int unitId;

	private final String jujuVersion;

	private final @Nullable Path workDirectory;

	private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers;

	private final Map<String, Path> resources;

	private final @Nullable Map<String, Object> cloudSpec;

	private Scenario(Class<?> charmClass, Path charmDir, CharmMetadata metadata, int unitId, String jujuVersion,
			@Nullable Path workDirectory, List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers,
			Map<String, Path> resources, @Nullable Map<String, Object> cloudSpec) {
		this.charmClass = charmClass;
		this.charmDir = charmDir;
		this.metadata = metadata;
		this.unitId = unitId;
		this.jujuVersion = jujuVersion;
		this.workDirectory = workDirectory;
		this.initializers = List.copyOf(initializers);
		this.resources = Map.copyOf(resources);
		this.cloudSpec = cloudSpec;
	}

	/**
	 * A scenario for a charm, reading metadata.yaml, config.yaml and actions.yaml.
	 * @param charmClass the charm's {@code @Charm} class
	 * @param charmDir its charm directory, for example {@code src/main/charm}
	 * @return the scenario, for unit {@code <charm>/0} on Juju 3.6.0
	 * @throws io.springcharm.framework.metadata.MetadataException when the YAML is wrong
	 */
	public static Scenario of(Class<?> charmClass, Path charmDir) {
		return new Scenario(charmClass, charmDir, CharmMetadata.load(charmDir), 0, "3.6.0", null, List.of(), Map.of(),
				null);
	}

	/**
	 * @param unitId the local unit's number ({@code <app>/<unitId>})
	 * @return a copy
	 */
	public Scenario unitId(int unitId) {
		return new Scenario(this.charmClass, this.charmDir, this.metadata, unitId, this.jujuVersion,
				this.workDirectory, this.initializers, this.resources, this.cloudSpec);
	}

	/**
	 * @param jujuVersion {@code JUJU_VERSION}
	 * @return a copy
	 */
	public Scenario jujuVersion(String jujuVersion) {
		return new Scenario(this.charmClass, this.charmDir, this.metadata, this.unitId, jujuVersion,
				this.workDirectory, this.initializers, this.resources, this.cloudSpec);
	}

	/**
	 * Keeps each run's charm directory and machine root under this directory instead of
	 * deleting them (for asserting on files the charm wrote).
	 * @param workDirectory an existing directory, for example a {@code @TempDir}
	 * @return a copy
	 */
	public Scenario workDirectory(Path workDirectory) {
		return new Scenario(this.charmClass, this.charmDir, this.metadata, this.unitId, this.jujuVersion,
				workDirectory, this.initializers, this.resources, this.cloudSpec);
	}

	/**
	 * Adds an initializer applied to the charm's context before refresh (for example to
	 * register a test bean).
	 * @param initializer the initializer
	 * @return a copy
	 */
	public Scenario initializer(ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		List<ApplicationContextInitializer<ConfigurableApplicationContext>> all = new ArrayList<>(this.initializers);
		all.add(initializer);
		return new Scenario(this.charmClass, this.charmDir, this.metadata, this.unitId, this.jujuVersion,
				this.workDirectory, all, this.resources, this.cloudSpec);
	}

	/**
	 * Gives a resource declared in metadata.yaml a file, as {@code juju deploy --resource}
	 * does: {@code resource-get} copies it beside the run's charm directory and prints the
	 * copy's path. A declared resource without one cannot be downloaded.
	 * @param name the resource name
	 * @param file an existing file
	 * @return a copy
	 * @throws InconsistentScenarioException when the charm declares no such resource or the
	 * file does not exist
	 */
	public Scenario resource(String name, Path file) {
		try {
			JujuModel.checkResource(this.metadata, name, file);
		}
		catch (IllegalArgumentException ex) {
			throw new InconsistentScenarioException(ex.getMessage());
		}
		Map<String, Path> all = new TreeMap<>(this.resources);
		all.put(name, file);
		return new Scenario(this.charmClass, this.charmDir, this.metadata, this.unitId, this.jujuVersion,
				this.workDirectory, this.initializers, all, this.cloudSpec);
	}

	/**
	 * Deploys the application trusted ({@code juju trust}) on this cloud: {@code
	 * credential-get} prints the spec. Without it, {@code credential-get} is refused.
	 * @param cloudSpec the spec as {@code credential-get --format=json} prints it
	 * ({@code type}, {@code name}, {@code region}, {@code credential}, ...)
	 * @return a copy
	 */
	public Scenario trusted(Map<String, ?> cloudSpec) {
		return new Scenario(this.charmClass, this.charmDir, this.metadata, this.unitId, this.jujuVersion,
				this.workDirectory, this.initializers, this.resources,
				Collections.unmodifiableMap(new TreeMap<String, Object>(cloudSpec)));
	}

	/** The charm's metadata. */
	public CharmMetadata metadata() {
		return this.metadata;
	}

	/** The local unit's name, for example {@code my-charm/0}. */
	public String unitName() {
		return this.metadata.name() + "/" + this.unitId;
	}

	/**
	 * A plausible starting state from the metadata (like ops' {@code State.from_context}):
	 * a follower with one empty peer relation per peer endpoint (ids from 1) and no config
	 * set, so that defaults apply.
	 * @return the state
	 */
	public State defaultState() {
		List<RelationSpec> peers = new ArrayList<>();
		int id = 1;
		for (Endpoint peer : this.metadata.peers()) {
			peers.add(PeerRelation.of(id++, peer.name()));
		}
		return State.empty().withRelations(peers.toArray(RelationSpec[]::new));
	}

	/**
	 * Runs one event.
	 * @param event the hook or action
	 * @param state the input state
	 * @return the output state and what happened
	 * @throws InconsistentScenarioException when Juju could not produce this input
	 */
	public Result run(Event event, State state) {
		String unit = unitName();
		new ConsistencyChecker(this.metadata, this.metadata.name(), unit).check(event, state);
		Path base = createRunDirectory();
		try {
			Path charm = base.resolve("charm");
			Path machine = base.resolve("machine");
			CharmDirectories.copy(this.charmDir, charm);
			Files.createDirectories(machine);
			writeUnitState(charm, state);
			JujuModel juju = ModelFromState.build(this.metadata, unit, state);
			try {
				this.resources.forEach(juju::setResource);
			}
			catch (IllegalArgumentException ex) {
				// The file went away since resource(...) checked it.
				throw new InconsistentScenarioException(ex.getMessage());
			}
			juju.setCloudSpec(this.cloudSpec);
			int statusesBefore = juju.unitStatusHistory(unit).size();
			HookEnvironmentBuilder builder = event.action()
					? HookEnvironmentBuilder.action(juju, unit, event.hookName(), juju.nextActionId())
					: HookEnvironmentBuilder.hook(juju, unit, event.hookName());
			builder.charmDir(charm).machineRoot(machine).jujuVersion(this.jujuVersion);
			if (event.relationId() != null) {
				builder.relation(event.relationId(), event.remoteUnit()).departingUnit(event.departingUnit());
			}
			builder.secret(event.secret());
			Map<String, String> env = builder.build();
			HookContext context = event.action() ? juju.beginAction(unit, event.hookName(), event.params(), env)
					: juju.beginHook(unit, event.hookName(), env);
			List<Object> events = Collections.synchronizedList(new ArrayList<>());
			ByteArrayOutputStream errors = new ByteArrayOutputStream();
			CharmApplication application = new CharmApplication(this.charmClass).environment(env)
				.toolRunner(context)
				.errors(new PrintStream(errors, true, StandardCharsets.UTF_8))
				.initializer((ctx) -> ctx.addApplicationListener(recorder(events)));
			this.initializers.forEach(application::initializer);
			CharmApplication.HookOutcome outcome = application.execute();
			int exitCode = outcome.exitCode();
			Throwable failure = outcome.failure();
			if (exitCode == 0) {
				try {
					context.commit();
				}
				catch (CommitException ex) {
					exitCode = 1;
					failure = ex;
				}
			}
			else {
				context.discard();
			}
			ActionResult action = null;
			if (event.action()) {
				String message = (context.actionFailure() != null) ? context.actionFailure()
						: (exitCode != 0) ? "exit status " + exitCode : "";
				boolean failed = exitCode != 0 || context.actionFailure() != null;
				action = new ActionResult(failed ? "failed" : "completed", context.actionResults(), message,
						context.actionLogs());
			}
			List<StatusInfo> history = juju.unitStatusHistory(unit);
			State output = outputState(juju, unit, state, charm);
			return new Result(output, events, context.toolCalls(), juju.logs(),
					history.subList(statusesBefore, history.size()), action, exitCode, failure,
					errors.toString(StandardCharsets.UTF_8), context.reboot());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the scenario's directories under " + base, ex);
		}
		finally {
			if (this.workDirectory == null) {
				CharmDirectories.deleteQuietly(base);
			}
		}
	}

	private Path createRunDirectory() {
		try {
			return (this.workDirectory != null) ? Files.createTempDirectory(this.workDirectory, "run-")
					: Files.createTempDirectory("charm-scenario-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a scratch directory for the scenario", ex);
		}
	}

	private static ApplicationListener<ApplicationEvent> recorder(List<Object> events) {
		return (event) -> {
			// Only objects the charm or the framework published; Boot's own events (such as
			// availability changes) are PayloadApplicationEvent subclasses.
			if (event instanceof PayloadApplicationEvent<?> payload && event.getClass() == PayloadApplicationEvent.class) {
				events.add(payload.getPayload());
			}
		};
	}

	/** Writes the input's stored values and flags through the framework's own {@link UnitState}. */
	private static void writeUnitState(Path charm, State state) {
		if (state.storedValues().isEmpty() && state.flags().isEmpty()) {
			return;
		}
		try (UnitState unitState = UnitState.load(charm)) {
			state.storedValues().forEach(unitState::put);
			Flags flags = new Flags(unitState);
			state.flags().forEach(flags::set);
			unitState.commit();
		}
	}

	private State outputState(JujuModel juju, String unit, State input, Path charm) {
		Map<String, @Nullable String> values = new TreeMap<>();
		Set<String> flags = new TreeSet<>();
		try (UnitState unitState = UnitState.load(charm)) {
			values.putAll(unitState.entries(""));
			flags.addAll(unitState.flagNames());
		}
		List<RelationSpec> relations = new ArrayList<>();
		for (RelationSpec relation : input.relations()) {
			relations.add(ModelFromState.relationOut(juju, unit, relation));
		}
		List<Secret> secrets = new ArrayList<>();
		for (SecretView secret : juju.secrets()) {
			String owner = secret.owner().equals(juju.appName()) ? "application"
					: secret.owner().equals(unit) ? "unit" : secret.owner();
			boolean owned = owner.equals("application") || owner.equals("unit");
			String label = owned ? secret.label() : juju.consumerLabel(secret.id(), unit);
			Integer tracked = owned ? null : secret.tracked().get(unit);
			secrets.add(new Secret(secret.id(), owner, label, secret.revisions(), tracked, new TreeMap<>(secret.grants())));
		}
		StatusInfo status = juju.unitStatus(unit);
		StatusInfo app = juju.applicationStatus();
		return new State(juju.isLeader(unit), input.config(), relations, values, flags, juju.leaderSettings(),
				juju.charmState(unit), Set.copyOf(juju.openedPorts(unit)), secrets,
				new Status(status.status(), status.message()), (app != null) ? new Status(app.status(), app.message()) : null,
				juju.applicationVersion());
	}

	@Override
	public String toString() {
		return "Scenario[" + this.charmClass.getSimpleName() + " as " + unitName() + ", charm directory "
				+ this.charmDir + "]";
	}
}
