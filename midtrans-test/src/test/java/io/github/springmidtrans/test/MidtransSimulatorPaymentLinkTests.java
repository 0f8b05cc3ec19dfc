package io.github.springmidtrans.test;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.LinkExpiry;
import io.github.springmidtrans.client.model.LinkExpiryUnit;
import io.github.springmidtrans.client.model.PaymentLinkDetails;
import io.github.springmidtrans.client.model.PaymentLinkRequest;
import io.github.springmidtrans.client.model.PaymentLinkResponse;
import io.github.springmidtrans.client.model.PaymentLinkType;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorPaymentLinkTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final MidtransSimulator simulator = this.fixture.simulator;

	private final MidtransClient client = this.fixture.client;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void createAnswersOrderIdAndPaymentUrl() {
		PaymentLinkResponse created = this.client.paymentLinks()
			.create(ticket("concert-ticket-05", "amazing-ticket-1"));
		assertThat(created.orderId()).isEqualTo("concert-ticket-05");
		assertThat(created.paymentUrl())
			.isEqualTo(this.simulator.baseUrl() + "_simulator/payment-links/amazing-ticket-1");
		SimulatorFixture.RawAnswer page = this.fixture.sendText("GET", "/_simulator/payment-links/amazing-ticket-1",
				"");
		assertThat(page.httpStatus()).isEqualTo(200);
	}

	@Test
	void duplicateOrderIdIs409() {
		this.client.paymentLinks().create(ticket("concert-ticket-06", null));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.client.paymentLinks().create(ticket("concert-ticket-06", null)))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(409));
	}

	@Test
	void takenPaymentLinkIdIsA400WithErrorMessages() {
		this.client.paymentLinks().create(ticket("concert-ticket-07", "slug-7"));
		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> this.client.paymentLinks().create(ticket("concert-ticket-08", "slug-7")))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.getValidationMessages())
				.containsExactly("transaction_details.payment_link_id has already been taken"));
	}

	@Test
	void getShowsTheLinkAndItsPurchases() {
		this.client.paymentLinks().create(ticket("concert-ticket-09", null));
		PaymentLinkDetails fresh = this.client.paymentLinks().get("concert-ticket-09");
		assertThat(fresh.orderId()).isEqualTo("concert-ticket-09");
		assertThat(fresh.paymentLinkType()).isEqualTo(PaymentLinkType.FIXED_AMOUNT);
		assertThat(fresh.grossAmount()).isEqualByComparingTo("150000");
		assertThat(fresh.usage()).isZero();
		assertThat(fresh.usageLimit()).isEqualTo(2);
		assertThat(fresh.expiryUnit()).isEqualTo(LinkExpiryUnit.DAY);
		assertThat(fresh.expiryDuration()).isEqualTo(3);
		assertThat(fresh.enabledPayments()).containsExactly("bca_va", "gopay");
		assertThat(fresh.itemDetails()).singleElement().satisfies((item) -> {
			assertThat(item.name()).isEqualTo("Ticket");
			assertThat(item.quantity()).isEqualTo(2);
		});
		assertThat(fresh.purchases()).isEmpty();

		TransactionSnapshot paid = this.simulator.payPaymentLink("concert-ticket-09");
		assertThat(paid.orderId()).matches("concert-ticket-09-\\d+");
		PaymentLinkDetails used = this.client.paymentLinks().get("concert-ticket-09");
		assertThat(used.usage()).isEqualTo(1);
		assertThat(used.purchases()).singleElement().satisfies((purchase) -> {
			assertThat(purchase.orderId()).isEqualTo(paid.orderId());
			assertThat(purchase.paymentStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
			assertThat(purchase.paymentMethod()).isEqualTo("BANK_TRANSFER");
		});
		this.simulator.payPaymentLink("concert-ticket-09");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.simulator.payPaymentLink("concert-ticket-09"))
			.withMessageContaining("usage limit");
	}

	@Test
	void deleteRemovesTheLinkAndUnknownLinksAre404() {
		this.client.paymentLinks().create(ticket("concert-ticket-10", null));
		SimulatorFixture.RawAnswer deleted = this.fixture.send("DELETE", "/v1/payment-links/concert-ticket-10", "");
		assertThat(deleted.httpStatus()).isEqualTo(200);
		assertThat(deleted.field("message")).contains("deleted");
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.paymentLinks().get("concert-ticket-10"));
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.paymentLinks().delete("concert-ticket-10"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404));
		this.client.paymentLinks().create(ticket("concert-ticket-11", null));
		this.client.paymentLinks().delete("concert-ticket-11");
		assertThat(this.simulator.requestsTo(SimulatorOperation.PAYMENT_LINK_DELETE)).last()
			.satisfies((call) -> assertThat(call.orderId()).isEqualTo("concert-ticket-11"));
	}

	private static PaymentLinkRequest ticket(String orderId, String linkId) {
		PaymentLinkRequest.Builder builder = PaymentLinkRequest.fixedAmount(orderId, 150_000)
			.usageLimit(2)
			.expiry(LinkExpiry.after(3, LinkExpiryUnit.DAY))
			.enabledPayments("bca_va", "gopay")
			.item(ItemDetail.of("T-1", "Ticket", 75_000, 2))
			.title("Concert");
		if (linkId != null) {
			builder.paymentLinkId(linkId);
		}
		return builder.build();
	}

}
