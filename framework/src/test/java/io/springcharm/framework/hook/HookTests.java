package io.springcharm.framework.hook;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HookTests {

	@ParameterizedTest
	@ValueSource(strings = { "install", "start", "config-changed", "upgrade-charm", "stop", "remove", "leader-elected",
			"leader-deposed", "leader-settings-changed", "update-status", "collect-metrics", "meter-status-changed",
			"pre-series-upgrade", "post-series-upgrade" })
	void lifecycleHooksAreLifecycle(String name) {
		Hook hook = Hook.fromEnvironment(env("hooks/" + name), null);
		assertThat(hook.kind()).isEqualTo(HookKind.LIFECYCLE);
		assertThat(hook.name()).isEqualTo(name);
		assertThat(hook.event()).isEqualTo(name);
		assertThat(hook.relation()).isNull();
		assertThat(hook.isAction()).isFalse();
	}

	@Test
	void commonVariablesAreRead() {
		Map<String, String> env = env("hooks/install");
		env.put("JUJU_MODEL_NAME", "prod");
		env.put("JUJU_MODEL_UUID", "uuid-1");
		env.put("JUJU_CHARM_DIR", "/var/lib/juju/agents/unit-app-0/charm");
		env.put("JUJU_VERSION", "3.6.1");
		Hook hook = Hook.fromEnvironment(env, null);
		assertThat(hook.unitName()).isEqualTo("app/0");
		assertThat(hook.appName()).isEqualTo("app");
		assertThat(hook.contextId()).isEqualTo("app/0-install-1");
		assertThat(hook.modelName()).isEqualTo("prod");
		assertThat(hook.modelUuid()).isEqualTo("uuid-1");
		assertThat(hook.charmDir()).isEqualTo(Path.of("/var/lib/juju/agents/unit-app-0/charm"));
		assertThat(hook.jujuVersion()).isEqualTo(JujuVersion.parse("3.6.1"));
		assertThat(hook.dispatchPath()).isEqualTo("hooks/install");
	}

	@Test
	void restrictedHooksAreMarked() {
		assertThat(Hook.fromEnvironment(env("hooks/collect-metrics"), null).isRestricted()).isTrue();
		assertThat(Hook.fromEnvironment(env("hooks/install"), null).isRestricted()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "created", "joined", "changed", "departed", "broken" })
	void relationHooksCarryTheRelation(String event) {
		Map<String, String> env = env("hooks/db-admin-relation-" + event);
		env.put("JUJU_RELATION", "db-admin");
		env.put("JUJU_RELATION_ID", "db-admin:7");
		env.put("JUJU_REMOTE_APP", "mysql");
		env.put("JUJU_REMOTE_UNIT", "mysql/1");
		Hook hook = Hook.fromEnvironment(env, null);
		assertThat(hook.kind()).isEqualTo(HookKind.RELATION);
		assertThat(hook.event()).isEqualTo(event);
		assertThat(hook.relation()).isEqualTo(new Hook.Relation("db-admin", 7, "mysql", "mysql/1", null));
		assertThat(hook.relation().relationId()).isEqualTo("db-admin:7");
	}

	@Test
	void anEmptyRemoteUnitIsNull() {
		Map<String, String> env = env("hooks/db-relation-changed");
		env.put("JUJU_RELATION", "db");
		env.put("JUJU_RELATION_ID", "db:3");
		env.put("JUJU_REMOTE_APP", "mysql");
		env.put("JUJU_REMOTE_UNIT", "");
		assertThat(Hook.fromEnvironment(env, null).relation().remoteUnit()).isNull();
	}

	@Test
	void relationDepartedNamesTheDepartingUnit() {
		Map<String, String> env = env("hooks/db-relation-departed");
		env.put("JUJU_RELATION", "db");
		env.put("JUJU_RELATION_ID", "db:3");
		env.put("JUJU_REMOTE_APP", "mysql");
		env.put("JUJU_REMOTE_UNIT", "mysql/2");
		env.put("JUJU_DEPARTING_UNIT", "app/0");
		assertThat(Hook.fromEnvironment(env, null).relation().departingUnit()).isEqualTo("app/0");
	}

	@Test
	void aRelationIdThatIsNotANumberIsRefused() {
		Map<String, String> env = env("hooks/db-relation-joined");
		env.put("JUJU_RELATION_ID", "db:x");
		assertThatIllegalArgumentException().isThrownBy(() -> Hook.fromEnvironment(env, null))
			.withMessageContaining("JUJU_RELATION_ID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "attached", "detaching" })
	void storageHooksCarryTheStorage(String event) {
		Map<String, String> env = env("hooks/data-storage-" + event);
		env.put("JUJU_STORAGE_ID", "data/0");
		env.put("JUJU_STORAGE_LOCATION", "/srv/data");
		env.put("JUJU_STORAGE_KIND", "filesystem");
		Hook hook = Hook.fromEnvironment(env, null);
		assertThat(hook.kind()).isEqualTo(HookKind.STORAGE);
		assertThat(hook.event()).isEqualTo(event);
		assertThat(hook.storage()).isEqualTo(new Hook.Storage("data/0", "/srv/data", "filesystem"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "secret-changed", "secret-rotate" })
	void secretHooksWithoutRevision(String name) {
		Map<String, String> env = env("hooks/" + name);
		env.put("JUJU_SECRET_ID", "secret:abc");
		env.put("JUJU_SECRET_LABEL", "db");
		Hook hook = Hook.fromEnvironment(env, null);
		assertThat(hook.kind()).isEqualTo(HookKind.SECRET);
		assertThat(hook.secret()).isEqualTo(new Hook.Secret("secret:abc", "db", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "secret-remove", "secret-expired" })
	void secretHooksWithRevision(String name) {
		Map<String, String> env = env("hooks/" + name);
		env.put("JUJU_SECRET_ID", "secret:abc");
		env.put("JUJU_SECRET_LABEL", "");
		env.put("JUJU_SECRET_REVISION", "4");
		assertThat(Hook.fromEnvironment(env, null).secret()).isEqualTo(new Hook.Secret("secret:abc", "", 4));
	}

	@Test
	void aSecretRevisionThatIsNotANumberIsRefusedNamingTheVariable() {
		Map<String, String> env = env("hooks/secret-remove");
		env.put("JUJU_SECRET_REVISION", "four");
		assertThatIllegalArgumentException().isThrownBy(() -> Hook.fromEnvironment(env, null))
			.withMessageContaining("JUJU_SECRET_REVISION");
	}

	@Test
	void actionsComeFromTheActionsDirectory() {
		Map<String, String> env = env("actions/get-password");
		env.put("JUJU_HOOK_NAME", "");
		env.put("JUJU_ACTION_NAME", "get-password");
		env.put("JUJU_ACTION_UUID", "7");
		Hook hook = Hook.fromEnvironment(env, null);
		assertThat(hook.kind()).isEqualTo(HookKind.ACTION);
		assertThat(hook.isAction()).isTrue();
		assertThat(hook.name()).isEqualTo("get-password");
		assertThat(hook.action()).isEqualTo(new Hook.Action("get-password", "7"));
		assertThat(hook.dispatchPath()).isEqualTo("actions/get-password");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ready", "custom-notice", "check-failed", "check-recovered" })
	void workloadHooksCarryTheContainer(String event) {
		Map<String, String> env = env("hooks/web-server-pebble-" + event);
		env.put("JUJU_WORKLOAD_NAME", "web-server");
		Hook hook = Hook.fromEnvironment(env, null);
		assertThat(hook.kind()).isEqualTo(HookKind.WORKLOAD);
		assertThat(hook.event()).isEqualTo(event);
		assertThat(hook.workload().container()).isEqualTo("web-server");
	}

	@Test
	void customNoticesAndChecksCarryTheirDetails() {
		Map<String, String> env = env("hooks/web-pebble-custom-notice");
		env.put("JUJU_WORKLOAD_NAME", "web");
		env.put("JUJU_NOTICE_ID", "12");
		env.put("JUJU_NOTICE_TYPE", "custom");
		env.put("JUJU_NOTICE_KEY", "example.com/reload");
		assertThat(Hook.fromEnvironment(env, null).workload())
			.isEqualTo(new Hook.Workload("web", "12", "custom", "example.com/reload", null));
		Map<String, String> check = env("hooks/web-pebble-check-failed");
		check.put("JUJU_WORKLOAD_NAME", "web");
		check.put("JUJU_PEBBLE_CHECK_NAME", "http-alive");
		assertThat(Hook.fromEnvironment(check, null).workload().checkName()).isEqualTo("http-alive");
	}

	@ParameterizedTest
	@ValueSource(strings = { "frobnicate", "db-relation-exploded", "-relation-joined", "dispatch" })
	void unknownNamesAreUnknown(String name) {
		Hook hook = Hook.fromEnvironment(env("hooks/" + name), null);
		assertThat(hook.kind()).isEqualTo(HookKind.UNKNOWN);
		assertThat(hook.name()).isEqualTo(name);
	}

	@Test
	void argv0IsTheFallbackWithoutDispatchPath() {
		Map<String, String> env = env(null);
		Hook hook = Hook.fromEnvironment(env, "/var/lib/juju/agents/unit-x-0/charm/hooks/install");
		assertThat(hook.name()).isEqualTo("install");
		assertThat(hook.kind()).isEqualTo(HookKind.LIFECYCLE);
		assertThat(hook.dispatchPath()).isEqualTo("hooks/install");
	}

	@Test
	void dispatchPathWinsOverArgv0() {
		Hook hook = Hook.fromEnvironment(env("hooks/start"), "/var/lib/juju/agents/unit-x-0/charm/dispatch");
		assertThat(hook.name()).isEqualTo("start");
	}

	@Test
	void aHookContextNeedsUnitContextAndAnEventName() {
		assertThat(Hook.isHookContext(env("hooks/install"), null)).isTrue();
		assertThat(Hook.isHookContext(Map.of(), null)).isFalse();
		assertThat(Hook.isHookContext(env(null), null)).isFalse();
		Map<String, String> noContext = env("hooks/install");
		noContext.remove("JUJU_CONTEXT_ID");
		assertThat(Hook.isHookContext(noContext, null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Hook.fromEnvironment(Map.of("PATH", "/bin"), null))
			.withMessageContaining("Not in a Juju hook context");
	}

	@Test
	void kindOfClassifiesNamesAlone() {
		assertThat(Hook.kindOf("secret-changed")).isEqualTo(HookKind.SECRET);
		assertThat(Hook.kindOf("peers-relation-created")).isEqualTo(HookKind.RELATION);
		assertThat(Hook.kindOf("logs-storage-detaching")).isEqualTo(HookKind.STORAGE);
		assertThat(Hook.kindOf("c-pebble-ready")).isEqualTo(HookKind.WORKLOAD);
		assertThat(Hook.kindOf("relation-joined")).isEqualTo(HookKind.UNKNOWN);
	}

	@Test
	void jujuVersionsParseAndAnswerCapabilities() {
		JujuVersion v361 = JujuVersion.parse("3.6.1");
		assertThat(v361).extracting(JujuVersion::major, JujuVersion::minor, JujuVersion::patch).containsExactly(3, 6, 1);
		assertThat(v361.hasSecrets()).isTrue();
		assertThat(v361.hasLeaderSettings()).isTrue();
		assertThat(v361.isDispatchAware()).isTrue();
		assertThat(JujuVersion.parse("2.7.8").isDispatchAware()).isFalse();
		assertThat(JujuVersion.parse("2.8-rc1").isDispatchAware()).isTrue();
		assertThat(JujuVersion.parse("3.0.2").hasSecrets()).isFalse();
		assertThat(JujuVersion.parse("4.0-beta1").hasLeaderSettings()).isFalse();
		assertThat(JujuVersion.parse("4.0.0.1").toString()).isEqualTo("4.0.0.1");
		assertThat(JujuVersion.parse("3.10.0")).isGreaterThan(JujuVersion.parse("3.9.9"));
		assertThat(JujuVersion.parse("")).isEqualTo(JujuVersion.UNKNOWN);
		assertThatIllegalArgumentException().isThrownBy(() -> JujuVersion.parse("three"))
			.withMessageContaining("JUJU_VERSION");
	}

	private static Map<String, String> env(String dispatchPath) {
		Map<String, String> env = new HashMap<>();
		env.put("JUJU_UNIT_NAME", "app/0");
		env.put("JUJU_CONTEXT_ID", "app/0-install-1");
		if (dispatchPath != null) {
			env.put("JUJU_DISPATCH_PATH", dispatchPath);
		}
		return env;
	}
}
