package io.springcharm.leadership.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.leadership.LeadershipChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On every unit: writes the admin password to a file whenever it changes. */
@Component
class PasswordFile {

	private final HookEnvironment environment;

	PasswordFile(HookEnvironment environment) {
		this.environment = environment;
	}

	@EventListener(condition = "#event.changed('admin_password')")
	void store(LeadershipChangedEvent event) throws IOException {
		Path file = this.environment.machinePath("/etc/foopass");
		String password = event.current("admin_password");
		if (password == null) {
			Files.deleteIfExists(file);
			return;
		}
		Files.createDirectories(file.getParent());
		Path temp = Files.createTempFile(file.getParent(), ".foopass", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(temp, password);
		Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
