package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Flows;
import dialtone.hal.sys.ProcessResult;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls in progress from our table's set of recent media flows; after a switch, the old uplink's
 * NAT entries deleted by their conntrack mark ({@code conntrack -D --mark}), never a global flush.
 */
public final class ConntrackFlows implements Flows {
    private static final Pattern DELETED = Pattern.compile("(\\d+) flow entries have been deleted");

    private final LinuxNet net;
    private final Commands commands;

    ConntrackFlows(LinuxNet net, Commands commands) {
        this.net = net;
        this.commands = commands;
    }

    @Override
    public int activeMediaFlows() {
        for (Map<String, Object> item :
                commands.jsonArray(List.of("nft", "-j", "list", "set", "inet", LinuxNet.NFT_TABLE, "media"))) {
            if (item.get("set") instanceof Map<?, ?> set) {
                return set.get("elem") instanceof List<?> elements ? elements.size() : 0;
            }
        }
        throw new HalException("nft list set", "the media set is missing from table " + LinuxNet.NFT_TABLE);
    }

    @Override
    public int forget(Uplink uplink) {
        String mark = String.format("0x%x/0xfff", net.mark(uplink));
        ProcessResult result = commands.attempt(List.of("conntrack", "-D", "--mark", mark));
        Matcher deleted = DELETED.matcher(result.stderr() + result.stdout());
        if (deleted.find()) {
            return Integer.parseInt(deleted.group(1)); // exit 1 with "0 flow entries" is not a failure
        }
        if (!result.ok()) {
            throw new HalException("conntrack -D", "exit " + result.exitCode() + ": " + result.stderrTail());
        }
        return 0;
    }
}
