package io.springcharm.leadership.autoconfigure;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.springcharm.framework.autoconfigure.HookEnvironmentAutoConfiguration;
import io.springcharm.framework.autoconfigure.UnitStateAutoConfiguration;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.metadata.Endpoint;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.HookTools;
import io.springcharm.framework.tool.ProcessToolRunner;
import io.springcharm.framework.tool.ToolRunner;
import io.springcharm.leadership.DefaultLeadership;
import io.springcharm.leadership.LeaderSettingsBackend;
import io.springcharm.leadership.Leadership;
import io.springcharm.leadership.LeadershipBackend;
import io.springcharm.leadership.PeerRelationBackend;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for leadership: the {@link Leadership} bean {@code leadership} and the
 * {@link LeadershipBackend} it uses.
 * <p>
 * The back end is chosen by code when the hook runs, not by a bean condition, because
 * Spring AOT would fix a condition at build time while the Juju version is known only at
 * run time.
 */
@AutoConfiguration(after = { HookEnvironmentAutoConfiguration.class, UnitStateAutoConfiguration.class })
@EnableConfigurationProperties(LeadershipProperties.class)
public final class LeadershipAutoConfiguration {

	/** Unit-state key of the peer endpoints last read from metadata.yaml, comma-separated. */
	private static final String PEER_ENDPOINTS_KEY = "leadership.peer-endpoints";

	@Bean
	@ConditionalOnMissingBean
	LeadershipBackend leadershipBackend(LeadershipProperties properties, HookEnvironment hookEnvironment,
			UnitState unitState, ToolRunner toolRunner, Environment environment) {
		Hook hook = hookEnvironment.hook();
		String backend = properties.backend();
		if (LeadershipProperties.AUTO.equals(backend)) {
			// Only real tool processes can be missing from PATH; look only when the version allows them.
			boolean leaderTools = hook.jujuVersion().hasLeaderSettings() && (!(toolRunner instanceof ProcessToolRunner)
					|| onPath(environment.getProperty("PATH"), "leader-get", "leader-set"));
			backend = leaderTools ? LeaderSettingsBackend.NAME : PeerRelationBackend.NAME;
		}
		else if (LeaderSettingsBackend.NAME.equals(backend) && !hook.jujuVersion().hasLeaderSettings()) {
			throw new IllegalStateException("'charm.leadership.backend' is 'leader-settings', but Juju "
					+ hook.jujuVersion() + " has no leader-get or leader-set; use 'peer-relation' or 'auto'");
		}
		if (PeerRelationBackend.NAME.equals(backend)) {
			return new PeerRelationBackend(hookEnvironment.tools(), hook.appName(),
					() -> peerEndpoints(hookEnvironment, unitState), properties.peerRelation());
		}
		return new LeaderSettingsBackend(hookEnvironment.tools());
	}

	@Bean
	@ConditionalOnMissingBean(Leadership.class)
	DefaultLeadership leadership(Hook hook, HookTools hookTools, UnitState unitState, Flags flags,
			LeadershipBackend leadershipBackend, ApplicationEventPublisher publisher) {
		return new DefaultLeadership(hook, hookTools, unitState, flags, leadershipBackend, publisher);
	}

	/**
	 * The peer endpoints from metadata.yaml. Metadata changes only with the charm, so they
	 * are parsed in the hooks that may see new charm files and kept in unit state: the other
	 * hooks parse no YAML, as with config.
	 */
	private static List<String> peerEndpoints(HookEnvironment hookEnvironment, UnitState unitState) {
		String known = unitState.get(PEER_ENDPOINTS_KEY);
		if (known != null && !hookEnvironment.maySeeNewCharmFiles()) {
			return known.isEmpty() ? List.of() : List.of(known.split(","));
		}
		// Endpoint names are lowercase letters, digits and hyphens: a comma never occurs.
		List<String> peers = hookEnvironment.metadata().peers().stream().map(Endpoint::name).sorted().toList();
		unitState.put(PEER_ENDPOINTS_KEY, String.join(",", peers));
		return peers;
	}

	private static boolean onPath(@Nullable String path, String... tools) {
		if (path == null || path.isBlank()) {
			return false;
		}
		for (String tool : tools) {
			boolean found = false;
			for (String dir : path.split(File.pathSeparator)) {
				if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
					found = true;
					break;
				}
			}
			if (!found) {
				return false;
			}
		}
		return true;
	}
}
