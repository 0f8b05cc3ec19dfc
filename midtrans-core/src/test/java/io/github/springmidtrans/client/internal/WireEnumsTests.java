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
	void everyConstantIsFoundByItsWireValueInAnySpelling() {
		for (TransactionStatus status : TransactionStatus.values()) {
			String wire = status.wireValue();
			TransactionStatus expected = (status == TransactionStatus.UNKNOWN) ? TransactionStatus.UNKNOWN : status;
			assertThat(TransactionStatus.fromWireValue(wire)).isEqualTo(expected);
			assertThat(TransactionStatus.fromWireValue(wire.toUpperCase(java.util.Locale.ROOT))).isEqualTo(expected);
			assertThat(TransactionStatus.fromWireValue("\t" + wire + " ")).isEqualTo(expected);
		}
		for (PaymentType type : PaymentType.values()) {
			assertThat(PaymentType.fromWireValue(type.wireValue())).isIn(type, PaymentType.UNKNOWN);
			assertThat(PaymentType.fromWireValue(" " + type.wireValue().toUpperCase(java.util.Locale.ROOT)))
				.isEqualTo(PaymentType.fromWireValue(type.wireValue()));
		}
	}

	@Test
	void unknownValuesAreUnknownAndNullIsNull() {
		assertThat(TransactionStatus.fromWireValue("teleported")).isEqualTo(TransactionStatus.UNKNOWN);
		assertThat(TransactionStatus.fromWireValue("")).isEqualTo(TransactionStatus.UNKNOWN);
		assertThat(TransactionStatus.fromWireValue(null)).isNull();
	}

}
