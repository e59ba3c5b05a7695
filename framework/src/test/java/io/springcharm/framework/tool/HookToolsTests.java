package io.springcharm.framework.tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class HookToolsTests {

	private final FakeToolRunner juju = new FakeToolRunner();

	private final HookTools tools = new HookTools(this.juju);

	// --- config ---------------------------------------------------------------------------

	@Test
	void configGetParsesTypedValuesAndIsReadOnce() {
		this.juju.ok("{\"name\":\"x\",\"port\":8080,\"ratio\":0.5,\"debug\":false}\n", "config-get", "--format=json");
		assertThat(this.tools.configGet()).containsExactly(entry("name", "x"), entry("port", 8080),
				entry("ratio", 0.5), entry("debug", false));
		assertThat(this.tools.configGet()).containsEntry("port", 8080);
		assertThat(this.tools.configGet("debug")).isEqualTo(false);
		assertThat(this.juju.calls()).hasSize(1);
	}

	@Test
	void configGetWithKeyAsksForThatKeyAndGivesNullWhenUnset() {
		this.juju.ok("45\n", "config-get", "--format=json", "port").ok("null\n", "config-get", "--format=json", "nope");
		assertThat(this.tools.configGet("port")).isEqualTo(45);
		assertThat(this.tools.configGet("nope")).isNull();
	}

	@Test
	void configGetAllKeepsUnsetOptionsAsNull() {
		this.juju.ok("{\"name\":\"x\",\"token\":null}\n", "config-get", "--format=json", "--all");
		assertThat(this.tools.configGetAll()).containsEntry("name", "x").containsEntry("token", null).hasSize(2);
		assertThat(this.tools.configGet("token")).isNull();
		this.tools.configGetAll();
		assertThat(this.juju.calls()).hasSize(1);
	}

	@Test
	void configGetRefusesAKeyThatLooksLikeAnOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.configGet("--all")).withMessageContaining("key");
		assertThat(this.juju.calls()).isEmpty();
	}

	// --- leadership -------------------------------------------------------------------------

	@Test
	void isLeaderIsAskedOnce() {
		this.juju.ok("true\n", "is-leader", "--format=json");
		assertThat(this.tools.isLeader()).isTrue();
		assertThat(this.tools.isLeader()).isTrue();
		assertThat(this.juju.calls()).hasSize(1);
	}

	@Test
	void leaderGetReadsAnEmptyMapAndLeaderSetUpdatesTheCachedAnswer() {
		this.juju.ok("{}\n", "leader-get", "--format=json", "-")
			.ok("", "leader-set", "password=s3cret", "gone=");
		assertThat(this.tools.leaderGet()).isEmpty();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("password", "s3cret");
		settings.put("gone", "");
		this.tools.leaderSet(settings);
		assertThat(this.tools.leaderGet()).containsExactly(entry("password", "s3cret"));
		assertThat(this.juju.calls()).extracting(FakeToolRunner.Call::line)
			.containsExactly("leader-get --format=json -", "leader-set password=s3cret gone=");
	}

	@Test
	void leaderSetByANonLeaderIsNotLeaderWithoutTheValues() {
		this.juju.error(1, "cannot write leadership settings: cannot write settings: not the leader", "leader-set",
				"password=hunter22");
		assertThatExceptionOfType(NotLeaderException.class)
			.isThrownBy(() -> this.tools.leaderSet(Map.of("password", "hunter22")))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("leader-set", "exit code 1", "not the leader", "password=")
					.doesNotContain("hunter22");
				assertThat(ex.args()).containsExactly("password=" + ToolCall.REDACTED);
				assertThat(ex.exitCode()).isEqualTo(1);
			});
		// Juju says "not leader" for the rest of the hook, so no is-leader call is needed.
		assertThat(this.tools.isLeader()).isFalse();
		assertThat(this.juju.calls()).hasSize(1);
	}

	@Test
	void leaderSetRedactsValuesThatJujuEchoesInStderr() {
		this.juju.error(2, "bad value \"hunter22\"", "leader-set", "password=hunter22");
		assertThatExceptionOfType(HookToolException.class)
			.isThrownBy(() -> this.tools.leaderSet(Map.of("password", "hunter22")))
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.stderr()).doesNotContain("hunter22")
				.contains(ToolCall.REDACTED));
	}

	@Test
	void leaderSetRefusesWhatArgvCannotCarryNamingOnlyTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.leaderSet(Map.of("k", " padded-secret ")))
			.withMessageContaining("'k'")
			.withMessageContaining("trim")
			.withMessageNotContaining("padded-secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tools.leaderSet(Map.of("big", "x".repeat(HookTools.MAX_ARG_BYTES))))
			.withMessageContaining("'big'")
			.withMessageContaining("no --file");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.leaderSet(Map.of("a=b", "v")))
			.withMessageContaining("'a=b'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.leaderSet(Map.of("", "v")));
		assertThat(this.juju.calls()).isEmpty();
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void writesRefuseValuesThatAreNotStrings() {
		Map raw = new HashMap();
		raw.put("count", 3);
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.leaderSet(raw))
			.withMessageContaining("'count'")
			.withMessageContaining("Integer");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.relationSet("db:1", "app/0", false, raw))
			.withMessageContaining("relation-set");
		assertThat(this.juju.calls()).isEmpty();
	}

	// --- relations ----------------------------------------------------------------------

	@Test
	void relationIdsListAndAppAreExactCommandLines() {
		this.juju.ok("[\"db:10\",\"db:2\"]\n", "relation-ids", "--format=json", "db")
			.ok("[]\n", "relation-ids", "--format=json", "cache")
			.ok("[\"mysql/0\",\"mysql/1\"]\n", "relation-list", "--format=json", "-r", "db:2")
			.ok("\"mysql\"\n", "relation-list", "--format=json", "-r", "db:2", "--app");
		assertThat(this.tools.relationIds("db")).containsExactly("db:10", "db:2");
		assertThat(this.tools.relationIds("cache")).isEmpty();
		assertThat(this.tools.relationList("db:2")).containsExactly("mysql/0", "mysql/1");
		assertThat(this.tools.relationListApp("db:2")).isEqualTo("mysql");
		this.tools.relationIds("db");
		this.tools.relationList("db:2");
		assertThat(this.juju.calls()).hasSize(4);
	}

	@Test
	void relationGetReadsOnceAndSeesThisHooksOwnWrites() {
		this.juju.ok("{\"host\":\"10.0.0.1\",\"old\":\"x\"}\n", "relation-get", "--format=json", "-r", "db:2", "-",
				"app/0")
			.ok("{}\n", "relation-get", "--format=json", "-r", "db:2", "--app", "-", "mysql")
			.ok("", "relation-set", "-r", "db:2", "--file", "-");
		assertThat(this.tools.relationGet("db:2", "app/0", false)).containsEntry("host", "10.0.0.1");
		assertThat(this.tools.relationGet("db:2", "mysql", true)).isEmpty();
		Map<String, String> data = new LinkedHashMap<>();
		data.put("port", " 5432 ");
		data.put("old", "");
		this.tools.relationSet("db:2", "app/0", false, data);
		assertThat(this.tools.relationGet("db:2", "app/0", false)).containsExactly(entry("host", "10.0.0.1"),
				entry("port", " 5432 "));
		assertThat(this.juju.calls()).hasSize(3);
		assertThat(this.juju.calls().get(2).stdin()).isEqualTo("{\"old\":\"\",\"port\":\" 5432 \"}");
	}

	@Test
	void relationSetOfTheApplicationBagAddsApp() {
		this.juju.ok("", "relation-set", "-r", "peers:0", "--app", "--file", "-");
		this.tools.relationSet("peers:0", "app", true, Map.of("leader", "app/0"));
		assertThat(this.juju.onlyCall().stdin()).isEqualTo("{\"leader\":\"app/0\"}");
	}

	@Test
	void relationNotFoundIsItsOwnException() {
		this.juju.error(2, "invalid value \"db:9\" for option -r: relation not found", "relation-list", "--format=json",
				"-r", "db:9");
		assertThatExceptionOfType(RelationNotFoundException.class).isThrownBy(() -> this.tools.relationList("db:9"))
			.withMessageContaining("relation-list --format=json -r db:9")
			.withMessageContaining("exit code 2");
	}

	@Test
	void permissionDeniedIsItsOwnException() {
		this.juju.error(1, "permission denied", "relation-get", "--format=json", "-r", "db:2", "--app", "-", "app");
		assertThatExceptionOfType(PermissionDeniedException.class)
			.isThrownBy(() -> this.tools.relationGet("db:2", "app", true))
			.withMessageContaining("relation-get")
			.withMessageContaining("exit code 1");
	}

	@Test
	void appBagWriteByANonLeaderIsNotLeader() {
		this.juju.error(1, "cannot write relation settings", "relation-set", "-r", "db:2", "--app", "--file", "-");
		assertThatExceptionOfType(NotLeaderException.class)
			.isThrownBy(() -> this.tools.relationSet("db:2", "app", true, Map.of("k", "v")));
	}

	@Test
	void otherFailuresArePlainHookToolExceptions() {
		this.juju.error(1, "connection refused", "relation-ids", "--format=json", "db");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> this.tools.relationIds("db"))
			.satisfies((ex) -> {
				assertThat(ex.getClass()).isEqualTo(HookToolException.class);
				assertThat(ex.tool()).isEqualTo("relation-ids");
				assertThat(ex.stderr()).isEqualTo("ERROR connection refused\n");
				assertThat(ex.getMessage()).isEqualTo(
						"relation-ids --format=json db failed with exit code 1: ERROR connection refused");
			});
	}

	// --- output shapes -------------------------------------------------------------------

	@Test
	void malformedOrTruncatedJsonNamesTheToolButNotTheOutput() {
		this.juju.ok("{\"password\": \"hunter22", "leader-get", "--format=json", "-");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(this.tools::leaderGet)
			.withMessageContaining("leader-get")
			.withMessageContaining("malformed or truncated JSON")
			.withMessageNotContaining("hunter22");
	}

	@Test
	void jsonOfTheWrongShapeNamesTheTool() {
		this.juju.ok("{\"a\":1}\n", "relation-ids", "--format=json", "db");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> this.tools.relationIds("db"))
			.withMessageContaining("relation-ids")
			.withMessageContaining("unexpected shape");
	}

	@Test
	void emptyOutputWhereJsonIsExpectedIsAnError() {
		this.juju.ok("", "is-leader", "--format=json");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(this.tools::isLeader)
			.withMessageContaining("is-leader")
			.withMessageContaining("printed nothing");
	}

	@Test
	void nullOutputsBecomeEmptyValues() {
		this.juju.ok("null\n", "relation-ids", "--format=json", "db")
			.ok("null\n", "action-get", "--format=json")
			.ok("null\n", "state-get", "--format=json")
			.ok("null\n", "state-get", "--format=json", "missing");
		assertThat(this.tools.relationIds("db")).isEmpty();
		assertThat(this.tools.actionGet()).isEmpty();
		assertThat(this.tools.stateGetAll()).isEmpty();
		assertThat(this.tools.stateGet("missing")).isEmpty();
	}

	// --- status, log, version ---------------------------------------------------------------

	@Test
	void statusCommandLines() {
		this.juju.ok("", "status-set", "blocked", "--", "-set a password")
			.ok("", "status-set", "--application", "active", "--", "")
			.ok("{\"message\":\"m\",\"status\":\"active\",\"status-data\":{}}\n", "status-get", "--format=json",
					"--include-data")
			.ok("{\"application-status\":{\"status\":\"active\",\"units\":{}}}\n", "status-get", "--format=json",
					"--include-data", "--application");
		this.tools.statusSet("blocked", "-set a password", false);
		this.tools.statusSet("active", "", true);
		assertThat(this.tools.statusGet()).containsEntry("status", "active").containsEntry("message", "m");
		assertThat(this.tools.applicationStatusGet()).containsEntry("status", "active");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.statusSet("error", "", false));
		assertThat(this.juju.calls()).hasSize(4);
	}

	@Test
	void jujuLogSplitsMessagesLongerThanOneArgument() {
		String part = "a".repeat(HookTools.MAX_ARG_BYTES / 3);
		this.juju.ok("", "juju-log", "--log-level", "INFO", "--", "-starts with a dash")
			.ok("", "juju-log", "--log-level", "DEBUG", "--", part)
			.ok("", "juju-log", "--log-level", "DEBUG", "--", "tail");
		this.tools.jujuLog("INFO", "-starts with a dash");
		this.tools.jujuLog("DEBUG", part + "tail");
		assertThat(this.juju.calls()).hasSize(3);
	}

	@Test
	void applicationVersionSetPutsTheVersionAfterADoubleDash() {
		this.juju.ok("", "application-version-set", "--", "-rc1");
		this.tools.applicationVersionSet("-rc1");
		assertThat(this.juju.onlyCall().line()).isEqualTo("application-version-set -- -rc1");
	}

	@Test
	void freeTextLongerThanOneArgumentIsRefusedBeforeCalling() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tools.statusSet("active", "x".repeat(HookTools.MAX_ARG_BYTES + 1), false))
			.withMessageContaining("status-set");
		assertThat(this.juju.calls()).isEmpty();
	}

	// --- actions ------------------------------------------------------------------------------

	@Test
	void actionCommandLines() {
		this.juju.ok("{\"count\":3,\"force\":true,\"nested\":{\"a\":\"b\"}}\n", "action-get", "--format=json")
			.ok("", "action-set", "result.password=pw", "result.user=admin", "ok=yes")
			.ok("", "action-fail", "--", "it broke")
			.ok("", "action-log", "--", "step 1");
		assertThat(this.tools.actionGet()).containsEntry("count", 3).containsEntry("force", true)
			.containsEntry("nested", Map.of("a", "b"));
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("result", new TreeMap<>(Map.of("user", "admin", "password", "pw")));
		results.put("ok", "yes");
		this.tools.actionSet(results);
		this.tools.actionFail("it broke");
		this.tools.actionLog("step 1");
		assertThat(this.juju.calls()).hasSize(4);
	}

	@Test
	void actionSetRefusesKeysJujuRejects() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.actionSet(Map.of("Bad_Key", "v")))
			.withMessageContaining("'Bad_Key'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.actionSet(Map.of("stdout", "v")))
			.withMessageContaining("reserved");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.actionSet(Map.of("n", 1)))
			.withMessageContaining("Integer");
		assertThat(this.juju.calls()).isEmpty();
	}

	@Test
	void actionSetRedactsResultValuesFromErrors() {
		this.juju.error(1, "not running an action", "action-set", "token=t0ps3cret");
		assertThatExceptionOfType(HookToolException.class)
			.isThrownBy(() -> this.tools.actionSet(Map.of("token", "t0ps3cret")))
			.withMessageContaining("action-set token=" + ToolCall.REDACTED)
			.withMessageNotContaining("t0ps3cret");
	}

	// --- machine, network, ports --------------------------------------------------------------

	@Test
	void unitGetAndNetworkGet() {
		this.juju.ok("\"10.0.0.5\"\n", "unit-get", "--format=json", "private-address")
			.ok("{\"bind-addresses\":[{\"interface-name\":\"eth0\"}],\"ingress-addresses\":[\"10.0.0.5\"]}\n",
					"network-get", "--format=json", "-r", "db:2", "db")
			.ok("{}\n", "network-get", "--format=json", "juju-info");
		assertThat(this.tools.unitGet("private-address")).isEqualTo("10.0.0.5");
		assertThat(this.tools.networkGet("db", "db:2")).containsEntry("ingress-addresses", List.of("10.0.0.5"))
			.doesNotContainKey("egress-subnets");
		assertThat(this.tools.networkGet("juju-info", null)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.unitGet("address"));
		assertThat(this.juju.calls()).hasSize(3);
	}

	@Test
	void portCommandLines() {
		this.juju.ok("", "open-port", "8080/tcp")
			.ok("", "open-port", "--endpoints", "web,admin", "8000-8099/udp")
			.ok("", "close-port", "icmp")
			.ok("", "close-port", "--endpoints", "web", "53/udp");
		this.tools.openPort(PortRange.tcp(8080));
		this.tools.openPort(PortRange.of(8000, 8099, PortRange.Protocol.UDP), List.of("web", "admin"));
		this.tools.closePort(PortRange.icmp());
		this.tools.closePort(PortRange.udp(53), List.of("web"));
		assertThat(this.juju.calls()).hasSize(4);
	}

	@Test
	void portRangesAreCheckedBeforeCalling() {
		assertThatIllegalArgumentException().isThrownBy(() -> PortRange.tcp(70000)).withMessageContaining("65535");
		assertThatIllegalArgumentException().isThrownBy(() -> PortRange.of(90, 80, PortRange.Protocol.TCP));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tools.openPort(PortRange.tcp(80), List.of("a,b")))
			.withMessageContaining("'a,b'");
		assertThat(PortRange.parse("8000-8080/UDP")).isEqualTo(PortRange.of(8000, 8080, PortRange.Protocol.UDP));
		assertThat(PortRange.parse("80")).isEqualTo(PortRange.tcp(80));
		assertThat(this.juju.calls()).isEmpty();
	}

	@Test
	void openedPortsParsesEveryShape() {
		this.juju.ok("[\"80/tcp\",\"8000-8080/udp\",\"icmp\"]\n", "opened-ports", "--format=json")
			.ok("[\"80/tcp (*)\",\"443/tcp (ep1, ep2)\"]\n", "opened-ports", "--endpoints", "--format=json");
		assertThat(this.tools.openedPorts(false)).containsExactly(new OpenedPort(PortRange.tcp(80), List.of()),
				new OpenedPort(PortRange.of(8000, 8080, PortRange.Protocol.UDP), List.of()),
				new OpenedPort(PortRange.icmp(), List.of()));
		List<OpenedPort> withEndpoints = this.tools.openedPorts(true);
		assertThat(withEndpoints.get(0).isOpenOnAllEndpoints()).isTrue();
		assertThat(withEndpoints.get(1)).isEqualTo(new OpenedPort(PortRange.tcp(443), List.of("ep1", "ep2")));
	}

	@Test
	void openedPortsWithAnUnreadableEntryNamesTheTool() {
		this.juju.ok("[\"eighty\"]\n", "opened-ports", "--format=json");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> this.tools.openedPorts(false))
			.withMessageContaining("opened-ports")
			.withMessageContaining("eighty");
	}

	@Test
	void relationModelGetReadsTheRemoteModel() {
		this.juju.ok("{\"uuid\":\"5b1d\"}\n", "relation-model-get", "--format=json", "-r", "db:2")
			.ok("{}\n", "relation-model-get", "--format=json", "-r", "db:3");
		assertThat(this.tools.relationModelGet("db:2")).isEqualTo("5b1d");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> this.tools.relationModelGet("db:3"))
			.withMessageContaining("expected a uuid");
	}

	@Test
	void rebootGoalStateCredentialAndResource() {
		this.juju.ok("", "juju-reboot")
			.ok("", "juju-reboot", "--now")
			.ok("{\"units\":{\"app/0\":{\"status\":\"active\"}},\"relations\":{}}\n", "goal-state", "--format=json")
			.ok("{\"type\":\"lxd\"}\n", "credential-get", "--format=json")
			.ok("/var/lib/juju/resources/app/jar", "resource-get", "jar");
		this.tools.jujuReboot(false);
		assertThatExceptionOfType(RebootNowException.class).as("the hook must not go on while Juju kills it")
			.isThrownBy(() -> this.tools.jujuReboot(true));
		assertThat(this.tools.goalState()).containsKeys("units", "relations");
		assertThat(this.tools.credentialGet()).containsEntry("type", "lxd");
		assertThat(this.tools.resourceGet("jar")).isEqualTo(Path.of("/var/lib/juju/resources/app/jar"));
		assertThat(this.juju.calls()).hasSize(5);
	}

	@Test
	void credentialGetOnKubernetesIsAPlainFailure() {
		this.juju.error(1, "cannot access cloud credentials: credential-get on a \"caas\" model not supported",
				"credential-get", "--format=json");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(this.tools::credentialGet)
			.withMessageContaining("caas");
	}

	// --- storage --------------------------------------------------------------------------------

	@Test
	void storageCommandLines() {
		this.juju.ok("{\"kind\":\"filesystem\",\"location\":\"/srv/data\"}\n", "storage-get", "--format=json")
			.ok("{\"kind\":\"block\",\"location\":\"/dev/sdb\"}\n", "storage-get", "--format=json", "-s", "logs/1")
			.ok("[\"data/0\"]\n", "storage-list", "--format=json", "data")
			.ok("[]\n", "storage-list", "--format=json")
			.ok("", "storage-add", "data=2", "logs=1");
		assertThat(this.tools.storageGet(null)).containsEntry("location", "/srv/data");
		assertThat(this.tools.storageGet("logs/1")).containsEntry("kind", "block");
		assertThat(this.tools.storageList("data")).containsExactly("data/0");
		assertThat(this.tools.storageList(null)).isEmpty();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("data", 2);
		counts.put("logs", 1);
		this.tools.storageAdd(counts);
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.storageAdd(Map.of("data", 0)))
			.withMessageContaining("'data'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.storageAdd(Map.of()));
		assertThat(this.juju.calls()).hasSize(5);
	}

	// --- charm state ------------------------------------------------------------------------------

	@Test
	void stateCommandLines() {
		this.juju.ok("{\"a\":\"1\",\"b\":\"\"}\n", "state-get", "--format=json")
			.ok("\"1\"\n", "state-get", "--format=json", "a")
			.ok("", "state-set", "--file", "-")
			.ok("", "state-delete", "a");
		assertThat(this.tools.stateGetAll()).containsExactly(entry("a", "1"), entry("b", ""));
		assertThat(this.tools.stateGet("a")).isEqualTo("1");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("z", " kept ");
		values.put("empty", "");
		this.tools.stateSet(values);
		this.tools.stateDelete("a");
		assertThat(this.juju.calls()).hasSize(4);
		assertThat(this.juju.calls().get(2).stdin()).isEqualTo("{\"empty\":\"\",\"z\":\" kept \"}");
	}

	@Test
	void stateWritesAreCheckedAgainstJujusLimits() {
		this.tools.stateSet(Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.stateSet(Map.of("k", "x".repeat(65537))))
			.withMessageContaining("'k'")
			.withMessageContaining("65536");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.stateSet(Map.of("k".repeat(257), "v")))
			.withMessageContaining("256");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.stateDelete("-"));
		assertThat(this.juju.calls()).isEmpty();
	}

	// --- secrets -------------------------------------------------------------------------------

	@Test
	void secretAddPassesContentThroughPrivateFilesThatAreDeletedAfterwards() {
		this.juju.ok("secret:abc123\n", "secret-add", "--label", "db-password", "--description", "for db",
				"--expire", "24h", "--rotate", "monthly", "--owner", "unit", "password#file=<tmp>/password",
				"username#file=<tmp>/username");
		Map<String, String> content = new LinkedHashMap<>();
		content.put("password", "hunter22");
		content.put("username", "admin");
		String uri = this.tools.secretAdd(content, SecretOptions.none()
			.withLabel("db-password")
			.withDescription("for db")
			.withExpire("24h")
			.withRotate("monthly")
			.withOwner("unit"));
		assertThat(uri).isEqualTo("secret:abc123");
		FakeToolRunner.Call call = this.juju.onlyCall();
		assertThat(call.files()).containsExactly(entry("password", "hunter22"), entry("username", "admin"));
		assertThat(call.line()).doesNotContain("hunter22");
		assertThat(call.paths()).allSatisfy((path) -> {
			assertThat(path).doesNotExist();
			assertThat(path.getParent()).doesNotExist();
		});
	}

	@Test
	void secretAddDefaultsToTheApplicationAsOwner() {
		this.juju.ok("secret:x\n", "secret-add", "--owner", "application", "token#file=<tmp>/token");
		assertThat(this.tools.secretAdd(Map.of("token", "t"), SecretOptions.none())).isEqualTo("secret:x");
	}

	@Test
	void secretContentFilesAreDeletedWhenTheToolFails() {
		this.juju.error(1, "this unit is not the leader", "secret-add", "--owner", "application",
				"token#file=<tmp>/token");
		assertThatExceptionOfType(NotLeaderException.class)
			.isThrownBy(() -> this.tools.secretAdd(Map.of("token", "t0ps3cret"), SecretOptions.none()))
			.withMessageNotContaining("t0ps3cret");
		assertThat(this.juju.onlyCall().paths()).allSatisfy((path) -> assertThat(path).doesNotExist());
	}

	@Test
	void secretKeysFollowJujusRule() {
		for (String key : new String[] { "ab", "Password", "1abc", "a--b", "ab-", "a_bc" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.tools.secretAdd(Map.of(key, "v"), SecretOptions.none()))
				.withMessageContaining("'" + key + "'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.secretAdd(Map.of(), SecretOptions.none()));
		assertThatIllegalArgumentException().isThrownBy(() -> SecretOptions.none().withRotate("sometimes"));
		assertThat(this.juju.calls()).isEmpty();
	}

	@Test
	void secretSetPutsOptionsBeforeTheIdAndContentAfter() {
		this.juju.ok("", "secret-set", "--label", "l", "secret:abc", "password#file=<tmp>/password")
			.ok("", "secret-set", "--description", "d", "secret:abc");
		this.tools.secretSet("secret:abc", Map.of("password", "new"), SecretOptions.none().withLabel("l"));
		this.tools.secretSet("secret:abc", Map.of(), SecretOptions.none().withDescription("d"));
		assertThat(this.juju.calls().get(0).files()).containsExactly(entry("password", "new"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tools.secretSet("secret:abc", Map.of(), SecretOptions.none().withOwner("unit")));
		assertThat(this.juju.calls()).hasSize(2);
	}

	@Test
	void secretGetCommandLines() {
		this.juju.ok("{\"password\":\"hunter22\"}\n", "secret-get", "--format=json", "secret:abc")
			.ok("{\"a\":\"b\"}\n", "secret-get", "--format=json", "--label", "db", "--refresh")
			.ok("{}\n", "secret-get", "--format=json", "secret:abc", "--label", "db", "--peek");
		assertThat(this.tools.secretGet("secret:abc")).containsExactly(entry("password", "hunter22"));
		assertThat(this.tools.secretGet(null, "db", SecretRevision.REFRESH)).containsEntry("a", "b");
		assertThat(this.tools.secretGet("secret:abc", "db", SecretRevision.PEEK)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.secretGet(null, null, SecretRevision.TRACKED));
		assertThat(this.juju.calls()).hasSize(3);
	}

	@Test
	void secretGetWithUnreadableOutputDoesNotShowTheContent() {
		this.juju.ok("{\"password\": hunter22}\n", "secret-get", "--format=json", "secret:abc");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> this.tools.secretGet("secret:abc"))
			.withMessageContaining("secret-get")
			.withMessageNotContaining("hunter22");
	}

	@Test
	void secretNotFoundIsItsOwnException() {
		this.juju.error(1, "secret \"secret:nope\" not found", "secret-info-get", "--format=json", "secret:nope");
		assertThatExceptionOfType(SecretNotFoundException.class)
			.isThrownBy(() -> this.tools.secretInfoGet("secret:nope", null))
			.withMessageContaining("secret-info-get")
			.withMessageContaining("exit code 1");
	}

	@Test
	void secretInfoGetUnwrapsTheOneSecretAndAddsItsId() {
		this.juju.ok("{\"cs1\":{\"revision\":2,\"label\":\"db\",\"owner\":\"application\"}}\n", "secret-info-get",
				"--format=json", "--label", "db");
		assertThat(this.tools.secretInfoGet(null, "db")).containsEntry("revision", 2)
			.containsEntry("owner", "application")
			.containsEntry("id", "cs1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tools.secretInfoGet("secret:x", "db"));
	}

	@Test
	void secretIdsGrantRevokeAndRemove() {
		this.juju.ok("[\"cs1\",\"cs2\"]\n", "secret-ids", "--format=json")
			.ok("", "secret-grant", "--relation", "db:2", "secret:cs1")
			.ok("", "secret-grant", "--relation", "db:2", "--unit", "mysql/0", "secret:cs1")
			.ok("", "secret-revoke", "--relation", "db:2", "secret:cs1")
			.ok("", "secret-revoke", "--app", "mysql", "--unit", "mysql/1", "secret:cs1")
			.ok("", "secret-remove", "secret:cs1")
			.ok("", "secret-remove", "secret:cs1", "--revision", "3");
		assertThat(this.tools.secretIds()).containsExactly("cs1", "cs2");
		this.tools.secretGrant("secret:cs1", "db:2", null);
		this.tools.secretGrant("secret:cs1", "db:2", "mysql/0");
		this.tools.secretRevoke("secret:cs1", "db:2", null, null);
		this.tools.secretRevoke("secret:cs1", null, "mysql", "mysql/1");
		this.tools.secretRemove("secret:cs1", null);
		this.tools.secretRemove("secret:cs1", 3);
		assertThat(this.juju.calls()).hasSize(7);
	}

	@Test
	void secretFilesAreNotLeftBehindWhenTheToolCannotRun() throws Exception {
		Path[] seen = new Path[1];
		HookTools failing = new HookTools((call) -> {
			String arg = call.args().get(call.args().size() - 1);
			seen[0] = Path.of(arg.substring(arg.indexOf('=') + 1));
			throw new HookToolException(call, -1, "cannot run 'secret-add': not found on PATH");
		});
		assertThatExceptionOfType(HookToolException.class)
			.isThrownBy(() -> failing.secretAdd(Map.of("token", "t0ps3cret"), SecretOptions.none()))
			.withMessageNotContaining("t0ps3cret");
		assertThat(seen[0]).isAbsolute();
		assertThat(Files.exists(seen[0].getParent())).isFalse();
	}
}
