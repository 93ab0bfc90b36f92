package dialtone.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The agent's state directory. Created when missing; locked for as long as the agent runs, so a
 * second agent on the same directory (a manual start beside the service) is refused, not let in
 * to share the database.
 */
final class DataDir {
    static final String LOCK_FILE = "agent.lock";

    private DataDir() {}

    static FileLock claim(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupRefused("cannot create the data directory " + dir + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new StartupRefused("the data directory " + dir + " is not writable by this user");
        }
        try {
            FileChannel channel =
                    FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StartupRefused("another Dialtone agent is already running on " + dir);
            }
            return lock;
        } catch (IOException e) {
            throw new StartupRefused("cannot lock " + dir.resolve(LOCK_FILE) + " (" + e.getMessage() + ")");
        }
    }

    static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // the process is ending: the kernel releases the lock anyway
        }
    }
}
