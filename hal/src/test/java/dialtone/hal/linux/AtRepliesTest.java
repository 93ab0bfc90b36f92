package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.HalException;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies captured in the formats of 3GPP TS 27.007 and the Quectel and Sierra AT manuals. */
class AtRepliesTest {

    @Test
    void anUnsolicitedRegistrationLineAmongTheReplyIsNotTakenForIt() {
        AtReplies.Cereg cereg =
                AtReplies.cereg(List.of("+CEREG: 5,\"2B67\",\"01A2D30F\",7", "+CEREG: 2,1,\"2B67\",\"01A2D30F\",7"));
        assertThat(cereg.registration()).isEqualTo(Registration.HOME);
        assertThat(cereg.cell()).isEqualTo(new CellId("01A2D30F", "2B67"));

        assertThat(AtReplies.cereg(List.of("+CEREG: 2", "+CEREG: 2,2")).registration())
                .isEqualTo(Registration.SEARCHING);
        assertThat(AtReplies.cereg(List.of("+CEREG: 2,5,\"2B67\",\"01A2D30F\",7"))
                        .registration())
                .isEqualTo(Registration.ROAMING);
    }

    @Test
    void signalIndicesBecomeDecibelsAndUnknownStaysUnknown() {
        assertThat(AtReplies.signal(List.of("+CESQ: 99,99,255,255,34,97"), List.of("+CSQ: 31,99")))
                .isEqualTo(new Signal(-51.0, -44.0, -3.0, null));
        assertThat(AtReplies.signal(List.of("+CESQ: 99,99,255,255,0,0"), List.of("+CSQ: 0,99")))
                .isEqualTo(new Signal(-113.0, -141.0, -20.0, null));
        assertThat(AtReplies.signal(List.of("+CESQ: 99,99,255,255,255,255"), List.of("+CSQ: 99,99")))
                .isEqualTo(Signal.UNKNOWN);
    }

    @Test
    void operatorAndTechnology() {
        assertThat(AtReplies.cops(List.of("+COPS: 0,0,\"ROGERS\",7"))).isEqualTo(new AtReplies.Cops("ROGERS", "lte"));
        assertThat(AtReplies.cops(List.of("+COPS: 0"))).isEqualTo(new AtReplies.Cops(null, null));
    }

    @Test
    void identitiesInTheirVendorsShapes() {
        assertThat(AtReplies.iccid(List.of("+QCCID: 89302720401234567890"))).isEqualTo("89302720401234567890");
        assertThat(AtReplies.iccid(List.of("89012608823100001234"))).isEqualTo("89012608823100001234");
        assertThat(AtReplies.digits(List.of("AT+CGSN", "359072060123456"))).isEqualTo("359072060123456");
        assertThat(AtReplies.iccid(List.of("garbage"))).isNull();
    }

    @Test
    void theDataContextAndItsAddress() {
        assertThat(AtReplies.active(List.of("+CGACT: 1,1"))).isTrue();
        assertThat(AtReplies.active(List.of("+CGACT: 1,0", "+CGACT: 2,1"))).isFalse();
        assertThat(AtReplies.address(List.of("+CGPADDR: 1,\"0.0.0.0\""))).isNull();
        assertThat(AtReplies.address(List.of("+CGPADDR: 1,100.64.1.2,\"254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1\"")))
                .isEqualTo("100.64.1.2");
    }

    @Test
    void aMissingLineIsAnErrorQuotingWhatCame() {
        assertThatThrownBy(() -> AtReplies.cpin(List.of("+CME ERROR: 13")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("AT+CPIN?")
                .hasMessageContaining("+CME ERROR: 13");
    }
}
