package io.springcharm.test.process;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.springcharm.framework.tool.ToolResult;

/**
 * The hook-tool wire format shared with {@code jujuc.c} and {@code jujuc.py}: a
 * length-prefixed request and answer, integers big-endian, strings as a byte count and
 * UTF-8 bytes.
 */
final class ToolWire {

	static final int MAGIC = 0x53434A31;

	/** Refuse frames above this size rather than allocate whatever a client claims. */
	static final int MAX_FRAME = 256 * 1024 * 1024;

	private ToolWire() {
	}

	static ToolRequest readRequest(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(frame(stream)));
		if (in.readInt() != MAGIC) {
			throw new IOException("not a hook-tool request");
		}
		String context = string(in);
		String cwd = string(in);
		String tool = string(in);
		int argc = in.readInt();
		if (argc < 0 || argc > 1_000_000) {
			throw new IOException("bad argument count " + argc);
		}
		List<String> args = new ArrayList<>(argc);
		for (int i = 0; i < argc; i++) {
			args.add(string(in));
		}
		byte[] stdin = (in.readUnsignedByte() == 1) ? bytes(in) : null;
		return new ToolRequest(context, cwd, tool, args, stdin);
	}

	static void writeRequest(ToolRequest request, OutputStream stream) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(body);
		out.writeInt(MAGIC);
		string(out, request.contextId());
		string(out, request.cwd());
		string(out, request.tool());
		out.writeInt(request.args().size());
		for (String arg : request.args()) {
			string(out, arg);
		}
		byte[] stdin = request.stdin();
		out.writeByte((stdin != null) ? 1 : 0);
		if (stdin != null) {
			out.writeInt(stdin.length);
			out.write(stdin);
		}
		writeFrame(body.toByteArray(), stream);
	}

	static void writeResult(ToolResult result, OutputStream stream) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(body);
		out.writeInt(result.exitCode());
		string(out, result.stdout());
		string(out, result.stderr());
		writeFrame(body.toByteArray(), stream);
	}

	static ToolResult readResult(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(frame(stream)));
		int code = in.readInt();
		return new ToolResult(code, string(in), string(in));
	}

	private static byte[] frame(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		int length;
		try {
			length = in.readInt();
		}
		catch (EOFException ex) {
			throw new EOFException("connection closed before a request");
		}
		if (length < 0 || length > MAX_FRAME) {
			throw new IOException("bad frame length " + length);
		}
		byte[] body = new byte[length];
		in.readFully(body);
		return body;
	}

	private static void writeFrame(byte[] body, OutputStream stream) throws IOException {
		DataOutputStream out = new DataOutputStream(stream);
		out.writeInt(body.length);
		out.write(body);
		out.flush();
	}

	private static byte[] bytes(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("bad string length " + length);
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return bytes;
	}

	private static String string(DataInputStream in) throws IOException {
		return new String(bytes(in), StandardCharsets.UTF_8);
	}

	private static void string(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}
}
