package io.springcharm.leadership;

import java.nio.file.Path;

import io.springcharm.leadership.support.Backend;
import io.springcharm.leadership.support.FakeJuju;
import io.springcharm.leadership.support.HookRun;
import io.springcharm.leadership.support.TestUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.springcharm.leadership.support.Runs.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What differs with the peer relation: it may not exist yet, and writes commit with the hook. */
class PeerRelationBackendTests {

	@TempDir
	Path root;

	@Test
	void beforeThePeerRelationExistsReadsAreEmptyAndWritesFailNamingIt() {
		FakeJuju juju = new FakeJuju(Backend.PEER_RELATION);
		juju.peerRelation(false);
		TestUnit leader = new TestUnit(juju, "app/0", this.root);
		HookRun run = ok(leader.run("install", (ctx) -> {
			ctx.probe().log("available=" + ctx.leadership().isAvailable() + " all=" + ctx.leadership().getAll());
			assertThatIllegalStateException().isThrownBy(() -> ctx.leadership().set("b", "x"))
				.withMessageContaining("peer relation 'cluster' does not exist yet");
		}));
		assertThat(run.probe().log()).contains("available=false all={}");
		assertThat(run.calls("relation-get")).isEmpty();
		assertThat(run.writes()).isEmpty();
	}

	@Test
	void leaderSeesItsOwnWriteAtOnceAndFollowersAfterTheCommit() {
		FakeJuju juju = new FakeJuju(Backend.PEER_RELATION);
		TestUnit leader = new TestUnit(juju, "app/0", this.root);
		TestUnit follower = new TestUnit(juju, "app/1", this.root);
		HookRun run = ok(leader.run("install", (ctx) -> {
			ctx.leadership().set("b", "x");
			ctx.probe().log("b=" + ctx.leadership().get("b"));
		}, (ctx) -> ctx.probe().log("settings=" + ctx.context().getBean(io.springcharm.framework.tool.HookTools.class)
			.relationGet(FakeJuju.RELATION_ID, FakeJuju.APP, true))));
		assertThat(run.probe().log()).contains("b=x", "settings={b=x}");
		HookRun followerRun = ok(follower.run("cluster-relation-changed"));
		assertThat(followerRun.probe().changedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.current("b")).isEqualTo("x"));
	}

	@Test
	void metadataIsParsedInTheFirstHookAndInUpgradeCharmOnly() throws Exception {
		FakeJuju juju = new FakeJuju(Backend.PEER_RELATION);
		TestUnit leader = new TestUnit(juju, "app/0", this.root);
		ok(leader.run("install", (ctx) -> ctx.leadership().set("b", "x")));
		// Metadata that cannot be parsed: a hook that still read it would fail.
		leader.metadata("peers: [");
		HookRun quiet = ok(leader.run("update-status", (ctx) -> ctx.probe().log("b=" + ctx.leadership().get("b"))));
		assertThat(quiet.probe().log()).contains("b=x");
		HookRun upgrade = leader.run("upgrade-charm");
		assertThat(upgrade.exitCode()).isEqualTo(1);
		assertThat(upgrade.failure()).hasMessageContaining("metadata.yaml");
	}
}
