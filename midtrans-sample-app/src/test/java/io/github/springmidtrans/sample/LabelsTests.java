package io.github.springmidtrans.sample;

import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words pages show instead of codes.
 */
class LabelsTests {

	private final Labels labels = new Labels();

	@Test
	void paymentMethodsAreNamed() {
		assertThat(this.labels.paymentMethod("bank_transfer", "bca")).isEqualTo("Bank transfer, BCA");
		assertThat(this.labels.paymentMethod("cstore", "indomaret")).isEqualTo("Convenience store, Indomaret");
		assertThat(this.labels.paymentMethod("qris", null)).isEqualTo("QRIS");
		assertThat(this.labels.paymentMethod("some_new_type", null)).isEqualTo("Some new type");
		assertThat(this.labels.paymentMethod(null, null)).isEmpty();
	}

	@Test
	void statusesAreNamed() {
		assertThat(this.labels.paymentStatus(PaymentStatus.SETTLEMENT)).isEqualTo("Settled");
		assertThat(this.labels.paymentStatus(PaymentStatus.PARTIAL_REFUND)).isEqualTo("Partly refunded");
		assertThat(this.labels.transactionStatus("settlement", "accept")).isEqualTo("Settled");
		assertThat(this.labels.transactionStatus("capture", "challenge"))
			.isEqualTo("Captured (fraud check: challenge)");
		assertThat(this.labels.transactionStatus("something_else", null)).isEqualTo("Something else");
		assertThat(this.labels.notificationOutcome(NotificationOutcome.PROCESSED)).isEqualTo("Applied");
		assertThat(this.labels.flag(PaymentFlag.AMOUNT_MISMATCH)).isEqualTo("Amount mismatch");
	}

	@Test
	void invoiceBanksAreNamed() {
		assertThat(this.labels.invoiceBank(InvoiceVaBank.BCA_VA)).isEqualTo("BCA virtual account");
		assertThat(this.labels.invoiceBank(InvoiceVaBank.CIMB_VA)).isEqualTo("CIMB Niaga virtual account");
		assertThat(this.labels.invoiceBank(InvoiceVaBank.MANDIRI_BILL)).isEqualTo("Mandiri Bill Payment");
		assertThat(this.labels.bank("bni_va")).isEqualTo("BNI");
	}

	@Test
	void schedulesAreSaidInWords() {
		assertThat(this.labels.cron("0 */10 * * * *")).isEqualTo("every 10 minutes");
		assertThat(this.labels.cron("0 0 * * * *")).isEqualTo("every hour");
		assertThat(this.labels.cron("0 15 * * * *")).isEqualTo("every hour at minute 15");
		assertThat(this.labels.cron("0 30 0 * * *")).isEqualTo("daily at 00:30");
		assertThat(this.labels.cron("0 0 9 * * MON-FRI")).isEqualTo("cron 0 0 9 * * MON-FRI");
		assertThat(this.labels.cron("-")).isEqualTo("not scheduled");
		assertThat(this.labels.cron(null)).isEqualTo("not scheduled");
		assertThat(this.labels.schedule(1, "month")).isEqualTo("every month");
		assertThat(this.labels.schedule(2, "week")).isEqualTo("every 2 weeks");
	}

	@Test
	void jobsAndTheirResultsAreSaidInWords() {
		assertThat(this.labels.job("midtrans.check-pending-payments")).isEqualTo("Check pending payments");
		assertThat(this.labels.job("midtrans.some-new-job")).isEqualTo("Some new job");
		assertThat(this.labels.jobResult("CheckPendingPaymentsResult[queued=12]"))
			.isEqualTo("12 pending payment(s) queued for a status check");
		assertThat(this.labels.jobResult("SyncSubscriptionStatusResult[synced=0]"))
			.isEqualTo("0 subscription(s) synced");
		assertThat(this.labels.jobResult("NewJobResult[handledItems=3]")).isEqualTo("Handled items: 3");
		assertThat(this.labels.jobResult(null)).isEmpty();
	}

}
