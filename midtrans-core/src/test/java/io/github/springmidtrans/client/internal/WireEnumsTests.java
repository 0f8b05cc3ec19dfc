package io.github.springmidtrans.client.internal;

import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire values are matched ignoring case and surrounding white space; unknown ones map to
 * {@code UNKNOWN}.
 */
class WireEnumsTests {

	@Test
	void wireValuesAreMatchedIgnoringCaseAndWhiteSpace() {
		assertThat(TransactionStatus.fromWireValue("settlement")).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(TransactionStatus.fromWireValue(" SETTLEMENT ")).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(PaymentType.fromWireValue("Bank_Transfer")).isEqualTo(PaymentType.BANK_TRANSFER);
	}

	@Test
	void unknownValuesAreUnknownAndNullIsNull() {
		assertThat(TransactionStatus.fromWireValue("teleported")).isEqualTo(TransactionStatus.UNKNOWN);
		assertThat(TransactionStatus.fromWireValue("")).isEqualTo(TransactionStatus.UNKNOWN);
		assertThat(TransactionStatus.fromWireValue(null)).isNull();
	}

}
