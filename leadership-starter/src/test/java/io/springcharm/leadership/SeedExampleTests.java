package io.springcharm.leadership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.springcharm.leadership.seed.SeedCharm;
import io.springcharm.leadership.support.Backend;
import io.springcharm.leadership.support.FakeJuju;
import io.springcharm.leadership.support.HookRun;
import io.springcharm.leadership.support.Probe;
import io.springcharm.leadership.support.TestUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.springcharm.leadership.support.Runs.ok;
import static io.springcharm.leadership.support.Runs.quietCalls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * L22: the leadership layer's README example with two units. The leader generates the
 * password once and writes the file in the same hook; the follower writes it in its next
 * hook; later hooks regenerate nothing and write no settings.
 */
class SeedExampleTests {

	@TempDir
	Path root;

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l22ReadmeExampleWithTwoUnits(Backend backend) throws Exception {
		FakeJuju juju = new FakeJuju(backend);
		TestUnit leader = new TestUnit(juju, "app/0", this.root);
		TestUnit follower = new TestUnit(juju, "app/1", this.root);
		// On Juju 4 the peer relation appears only after install.
		juju.peerRelation(backend == Backend.LEADER_SETTINGS);

		ok(follower.run(SeedCharm.class, "install", new Probe()));
		HookRun leaderFirst = ok(leader.run(SeedCharm.class, "install", new Probe()));
		if (backend == Backend.PEER_RELATION) {
			assertThat(leaderFirst.writes()).isEmpty();
			juju.peerRelation(true);
			leaderFirst = ok(leader.run(SeedCharm.class, "cluster-relation-created", new Probe()));
		}

		assertThat(leaderFirst.writes()).hasSize(1);
		String password = juju.settings().get("admin_password");
		assertThat(password).hasSizeGreaterThanOrEqualTo(40);
		Path leaderFile = leader.machineRoot().resolve("etc/foopass");
		Path followerFile = follower.machineRoot().resolve("etc/foopass");
		assertThat(leaderFile).hasContent(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(leaderFile))).isEqualTo("rw-------");
		assertThat(followerFile).doesNotExist();

		HookRun followerNext = ok(follower.run(SeedCharm.class, backend.followerHook(), new Probe()));
		assertThat(followerFile).hasContent(password);
		assertThat(followerNext.writes()).isEmpty();

		for (TestUnit unit : new TestUnit[] { leader, follower, leader, follower }) {
			HookRun quiet = ok(unit.run(SeedCharm.class, "update-status", new Probe()));
			assertThat(quiet.commands()).isEqualTo(quietCalls(backend));
		}
		assertThat(juju.settings()).containsOnlyKeys("admin_password").containsEntry("admin_password", password);
		assertThat(leaderFile).hasContent(password);
		assertThat(followerFile).hasContent(password);
	}
}
