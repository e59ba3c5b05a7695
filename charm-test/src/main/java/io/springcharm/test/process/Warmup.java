package io.springcharm.test.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.test.juju.HookContext;
import io.springcharm.test.juju.JujuModel;

/**
 * Pays the runner's own one-off costs (loading the in-memory Juju's and the socket's
 * classes) before the first hook, so that they are not counted as the charm's hook time.
 * Uses a throwaway in-memory Juju and one call through the socket.
 */
public final class Warmup {

	private static final List<List<String>> CALLS = List.of(List.of("juju-log", "--", "warm-up"),
			List.of("config-get"), List.of("config-get", "--format=json"), List.of("config-get", "--format=yaml"),
			List.of("is-leader", "--format=json"), List.of("relation-ids", "--format=json"),
			List.of("status-get", "--format=json", "--include-data"), List.of("leader-get", "--format=json"),
			List.of("goal-state", "--format=json"), List.of("unit-get", "private-address"),
			List.of("status-set", "maintenance", "warm-up"));

	private Warmup() {
	}

	/**
	 * Runs typical tool calls once, all discarded.
	 * @param executor whose socket to exercise
	 * @param metadata the charm's metadata, for a throwaway model
	 * @param charmDir the charm directory
	 */
	public static void run(ProcessHookExecutor executor, CharmMetadata metadata, Path charmDir) {
		JujuModel model = new JujuModel(metadata);
		String unit = model.addUnit();
		HookContext context = model.beginHook(unit, "install",
				Map.of("JUJU_CHARM_DIR", charmDir.toString(), "JUJU_UNIT_NAME", unit));
		try {
			for (List<String> call : CALLS) {
				context.run(new ToolCall(call.get(0), call.subList(1, call.size()), null, Set.of()));
			}
			context.run(new ToolCall("state-set", List.of("--file", "-"), "warm: up\n", Set.of()));
		}
		finally {
			context.discard();
		}
		// One round trip through the socket: the server side's own classes.
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(executor.socketPath()));
			ToolWire.writeRequest(new ToolRequest("warm-up", "", "is-leader", List.of(), null),
					Channels.newOutputStream(channel));
			ToolWire.readResult(Channels.newInputStream(channel));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the hook-tool socket does not answer", ex);
		}
	}
}
