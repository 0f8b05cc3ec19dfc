package io.github.springmidtrans.sample.admin;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.sample.ShopHttp;
import io.github.springmidtrans.sample.ShopHttp.Page;
import io.github.springmidtrans.sample.shop.OrderStatus;
import io.github.springmidtrans.sample.shop.ProductRepository;
import io.github.springmidtrans.sample.shop.ShopOrderRepository;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.test.MidtransSimulator;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin pages over real HTTP, with the shop's embedded simulator and H2: lists and
 * filters, the actions each state allows, refused actions as messages, invoices,
 * subscriptions and the periodic tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	ProductRepository products;

	@Autowired
	ShopOrderRepository orders;

	@Autowired
	PaymentService payments;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	EntityManager entityManager;

	ShopHttp http;

	@BeforeEach
	void browser() {
		this.http = new ShopHttp(this.port).signInAsAdmin();
	}

	@Test
	void paymentsAreFilteredByStatusAndPaymentType() {
		String paidVa = paidOrder("BNI_VA");
		String pendingVa = order("BNI_VA");
		String pendingQris = order("QRIS");

		Page settledTransfers = this.http.get("/admin/payments?status=SETTLEMENT&type=bank_transfer");
		assertThat(settledTransfers.status()).isEqualTo(200);
		assertThat(settledTransfers.body()).contains("data-order-id=\"" + paidVa + "\"")
			.doesNotContain(pendingVa)
			.doesNotContain(pendingQris)
			.doesNotContain("data-status=\"PENDING\"");
		assertThat(settledTransfers.body()).contains("<option value=\"SETTLEMENT\" selected=\"selected\">");

		Page pendingQrisPage = this.http.get("/admin/payments?status=PENDING&type=qris");
		assertThat(pendingQrisPage.body()).contains(pendingQris).doesNotContain(pendingVa).doesNotContain(paidVa);

		Page all = this.http.get("/admin/payments");
		assertThat(all.body()).contains(paidVa, pendingVa, pendingQris);
	}

	@Test
	void paymentsArePaged() {
		for (int i = 0; i < 21; i++) {
			order("ALFAMART");
		}
		Page first = this.http.get("/admin/payments?type=cstore");
		assertThat(count(first.body(), "data-order-id=")).isEqualTo(20);
		assertThat(first.has("page-next")).isTrue();
		assertThat(first.has("page-previous")).isFalse();

		Page second = this.http.get("/admin/payments?type=cstore&page=1");
		assertThat(count(second.body(), "data-order-id=")).isGreaterThanOrEqualTo(1);
		assertThat(second.has("page-previous")).isTrue();
	}

	@Test
	void detailShowsItemsAndNotificationsAndOffersOnlyWhatTheStateAllows() {
		String orderId = paidOrder("PERMATA_VA");

		Page detail = this.http.get("/admin/payments/" + orderId);

		assertThat(detail.attribute("payment-status", "data-status")).isEqualTo("SETTLEMENT");
		assertThat(detail.text("payment-items")).contains("KOPI-250", "Toraja coffee beans, 250 g", "Rp 85.000");
		assertThat(detail.body()).contains("data-outcome=\"PROCESSED\"");
		assertThat(detail.has("action-cancel")).isFalse();
		assertThat(detail.has("action-expire")).isFalse();
		assertThat(detail.has("action-capture")).isFalse();
		assertThat(detail.has("action-refund")).as("Midtrans does not refund bank transfers").isFalse();
		assertThat(detail.has("not-refundable")).isTrue();
	}

	@Test
	void pendingPaymentCanBeExpiredAndItsOrderExpires() {
		String orderId = order("BCA_VA");
		Page detail = this.http.get("/admin/payments/" + orderId);
		assertThat(detail.has("action-expire")).isTrue();
		assertThat(detail.has("action-cancel")).isTrue();
		assertThat(detail.has("action-refund")).isFalse();

		Page expired = this.http.submit("/admin/payments/" + orderId + "/expire");

		assertThat(expired.text("message")).isEqualTo("Expired: the payment is now expired.");
		assertThat(expired.has("action-expire")).isFalse();
		assertThat(expired.has("no-actions")).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderId).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.EXPIRED);
	}

	@Test
	void flaggedPaymentIsShownForAPersonAndItsFlagCanBeCleared() {
		String orderId = order("BCA_VA");
		// Midtrans reports another amount under this order id: the gate flags the
		// payment.
		this.payments.apply(MidtransJson.newMapper().readValue("""
				{"status_code":"200","order_id":"%s","gross_amount":"1000.00","currency":"IDR",
				 "payment_type":"bank_transfer","transaction_status":"settlement"}
				""".formatted(orderId), TransactionResponse.class));

		Page list = this.http.get("/admin/payments");
		Page detail = this.http.get("/admin/payments/" + orderId);

		assertThat(list.has("flagged-count")).isTrue();
		assertThat(detail.attribute("payment-status", "data-status")).isEqualTo("PENDING");
		assertThat(detail.text("payment-flag-kind")).isEqualTo("Amount mismatch");
		assertThat(detail.text("payment-flag-detail")).contains("1000.00");
		assertThat(this.orders.findByOrderNumber(orderId).orElseThrow().getStatus())
			.isNotEqualTo(OrderStatus.FULFILLED);

		Page cleared = this.http.submit("/admin/payments/" + orderId + "/clear-flag");

		assertThat(cleared.text("message")).isEqualTo("Flag cleared.");
		assertThat(cleared.has("payment-flag")).isFalse();
	}

	@Test
	void pendingPaymentCanBeCancelled() {
		String orderId = order("QRIS");

		Page cancelled = this.http.submit("/admin/payments/" + orderId + "/cancel");

		assertThat(cancelled.text("message")).isEqualTo("Cancelled: the payment is now cancelled.");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderId).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.CANCELLED);
	}

	@Test
	void authorizedCardPaymentIsCaptured() {
		String orderId = order("CREDIT_CARD_AUTHORIZE");
		this.simulator.pay(orderId);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.payments.findByOrderId(orderId).orElseThrow().getStatus(),
					(status) -> status == PaymentStatus.AUTHORIZE);
		assertThat(this.http.get("/admin/payments/" + orderId).has("action-capture")).isTrue();

		Page captured = this.http.submit("/admin/payments/" + orderId + "/capture");

		assertThat(captured.text("message")).isEqualTo("Captured: the payment is now captured.");
		assertThat(captured.has("action-capture")).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderId).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.FULFILLED);
	}

	@Test
	void refundFormSubmittedTwiceRefundsOnce() {
		String orderId = paidOrder("GOPAY");
		String key = this.http.get("/admin/payments/" + orderId).attribute("refund-key", "value");
		assertThat(key).startsWith("admin-");

		this.http.submit("/admin/payments/" + orderId + "/refund", "amount", "10000", "refundKey", key);
		this.http.submit("/admin/payments/" + orderId + "/refund", "amount", "10000", "refundKey", key);

		assertThat(this.payments.findRefunds(orderId)).singleElement()
			.satisfies((refund) -> assertThat(refund.getRefundKey()).isEqualTo(key));
		assertThat(this.simulator.transaction(orderId).orElseThrow().refunds()).hasSize(1);
	}

	@Test
	void settledGopayPaymentIsRefundedInPartAndThenInFull() {
		String orderId = paidOrder("GOPAY");
		Page detail = this.http.get("/admin/payments/" + orderId);
		assertThat(detail.has("action-refund")).isTrue();
		assertThat(detail.attribute("refund-amount", "value")).isEqualTo("170000");

		Page partly = this.http.submit("/admin/payments/" + orderId + "/refund", "amount", "70000", "reason",
				"one bag short");

		assertThat(partly.text("message")).isEqualTo("Refunded Rp 70.000.");
		assertThat(partly.attribute("payment-status", "data-status")).isEqualTo("PARTIAL_REFUND");
		assertThat(partly.text("payment-refunds")).contains("one bag short", "Succeeded", "Rp 70.000");
		assertThat(partly.attribute("refund-amount", "value")).isEqualTo("100000");

		Page fully = this.http.submit("/admin/payments/" + orderId + "/refund", "amount", "100000", "reason", "");

		assertThat(fully.attribute("payment-status", "data-status")).isEqualTo("REFUND");
		assertThat(fully.has("action-refund")).isFalse();
		assertThat(this.payments.findRefunds(orderId)).extracting(MidtransRefund::getState)
			.containsExactly(RefundState.SUCCEEDED, RefundState.SUCCEEDED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderId).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.REFUNDED);
	}

	@Test
	void refusedActionsAreShownAsMessages() {
		String paid = paidOrder("GOPAY");

		Page tooMuch = this.http.submit("/admin/payments/" + paid + "/refund", "amount", "999999999");
		assertThat(tooMuch.text("error")).startsWith("Refund refused: ");
		assertThat(tooMuch.body()).doesNotContain("Exception").doesNotContain("at io.github");

		Page notANumber = this.http.submit("/admin/payments/" + paid + "/refund", "amount", "lots");
		assertThat(notANumber.text("error")).isEqualTo("Refund refused: 'lots' is not an amount in rupiah");

		Page captureOfSettled = this.http.submit("/admin/payments/" + paid + "/capture");
		assertThat(captureOfSettled.text("error")).startsWith("Capture failed: ");

		String transfer = paidOrder("BRI_VA");
		Page refundOfTransfer = this.http.submit("/admin/payments/" + transfer + "/refund", "amount", "1000");
		assertThat(refundOfTransfer.text("error")).startsWith("Refund failed: ");
		assertThat(this.payments.findByOrderId(transfer).orElseThrow().getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
	}

	@Test
	void notificationsLogListsEveryNotificationAndFiltersByOrder() {
		String orderId = paidOrder("INDOMARET");
		// The order is fulfilled from the settled event; the notification's outcome is
		// written a moment later, when its handling ends.
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			String body = this.http.get("/admin/notifications?orderId=" + orderId).body();
			return count(body, "data-outcome=") == count(body, "data-order-id=\"" + orderId);
		});

		Page log = this.http.get("/admin/notifications?orderId=" + orderId);

		assertThat(log.status()).isEqualTo(200);
		assertThat(log.body()).contains("data-order-id=\"" + orderId + "\"", "Settled (200)");
		assertThat(log.body()).doesNotContain("signature_key");
		assertThat(count(log.body(), "data-outcome=")).isEqualTo(count(log.body(), "data-order-id=\"" + orderId));
	}

	@Test
	void invoiceIsCreatedPaidThroughTheSimulatorAndAnotherVoided() {
		Page created = this.http.submit("/admin/invoices", "customer", "Siti Rahma", "email", "siti@example.com",
				"description", "Catering for 20", "amount", "1200000", "dueInDays", "3", "bank", "BNI_VA");
		assertThat(created.text("message")).matches("Invoice INV-\\S+ is pending\\.");
		String orderId = latestInvoice().getOrderId();
		assertThat(created.body()).contains("data-order-id=\"" + orderId + "\" data-status=\"PENDING\"");

		Page paid = this.http.submit("/admin/invoices/" + orderId + "/simulate-payment");
		assertThat(paid.text("message")).contains("The simulator paid invoice");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> invoice(orderId).getStatus(), (status) -> status == InvoiceStatus.PAID);

		this.http.submit("/admin/invoices", "customer", "Siti Rahma", "description", "Cancelled catering", "amount",
				"500000", "dueInDays", "3", "bank", "BCA_VA");
		String second = latestInvoice().getOrderId();
		Page voided = this.http.submit("/admin/invoices/" + second + "/void");
		assertThat(voided.text("message")).endsWith(" is voided.");
		assertThat(invoice(second).getStatus()).isEqualTo(InvoiceStatus.VOIDED);
		assertThat(voided.has("void-" + second)).isFalse();
	}

	@Test
	void invalidInvoiceIsRefusedWithAMessage() {
		Page refused = this.http.submit("/admin/invoices", "customer", "Dewi", "description", "Nothing", "amount", "0");

		assertThat(refused.text("error"))
			.isEqualTo("Creating the invoice refused: the amount must be a positive number of rupiah");

		Page dueNow = this.http.submit("/admin/invoices", "customer", "Dewi", "description", "Nothing", "amount",
				"1000", "dueInDays", "0");
		assertThat(dueNow.text("error"))
			.isEqualTo("Creating the invoice refused: the due date must be 1 to 365 days away");
	}

	@Test
	void subscriptionIsCreatedDisabledEnabledAndCancelled() {
		Page created = this.http.submit("/admin/subscriptions", "name", "COFFEE-CLUB", "amount", "85000", "interval",
				"1", "unit", "MONTH", "customer", "Budi", "email", "budi@example.com");
		assertThat(created.text("message")).isEqualTo("Subscription COFFEE-CLUB is active.");
		String id = latestSubscription().getSubscriptionId();
		assertThat(created.has("disable-" + id)).isTrue();
		assertThat(created.has("enable-" + id)).isFalse();

		Page disabled = this.http.submit("/admin/subscriptions/" + id + "/disable");
		assertThat(disabled.text("message")).isEqualTo("Subscription is disabled.");
		assertThat(disabled.has("enable-" + id)).isTrue();

		Page enabled = this.http.submit("/admin/subscriptions/" + id + "/enable");
		assertThat(enabled.text("message")).isEqualTo("Subscription is active.");

		Page cancelled = this.http.submit("/admin/subscriptions/" + id + "/cancel");
		assertThat(cancelled.text("message")).isEqualTo("Subscription is cancelled.");
		assertThat(this.subscriptions.findBySubscriptionId(id).orElseThrow().getStatus())
			.isEqualTo(SubscriptionStatus.CANCELLED);
		assertThat(cancelled.has("cancel-" + id)).isFalse();

		Page again = this.http.submit("/admin/subscriptions/" + id + "/enable");
		assertThat(again.text("error")).startsWith("Enabling refused: ");
	}

	@Test
	void tasksShowTheirSchedulesAndRunNow() {
		Page tasks = this.http.get("/admin/tasks");
		assertThat(tasks.body()).contains("data-job=\"" + MidtransTaskSchedules.CHECK_PENDING_PAYMENTS + "\"",
				"data-job=\"" + MidtransTaskSchedules.EXPIRE_STALE_PAYMENTS + "\"",
				"data-job=\"" + MidtransTaskSchedules.CHECK_OVERDUE_INVOICES + "\"",
				"data-job=\"" + MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS + "\"", "0 */10 * * * *",
				"0 30 0 * * *");

		Page ran = this.http.submit("/admin/tasks/run", "job", MidtransTaskSchedules.EXPIRE_STALE_PAYMENTS);

		assertThat(ran.text("message")).matches("Expire stale payments ran: \\d+ stale payment\\(s\\) expired\\.");
		assertThat(ran.body()).as("the table shows the run's result in words")
			.containsPattern("<span class=\"job-result\">\\d+ stale payment\\(s\\) expired</span>")
			.contains(">Expire stale payments<", ">every 10 minutes<", ">daily at 00:30<")
			.doesNotContain("Result[");

		Page unknown = this.http.submit("/admin/tasks/run", "job", "midtrans.nope");
		assertThat(unknown.text("error")).startsWith("Running Nope refused: No Midtrans job named");
	}

	@Test
	void pagesShowWordsNotCodes() {
		String orderId = paidOrder("BCA_VA");

		Page list = this.http.get("/admin/payments?status=SETTLEMENT");
		assertThat(list.body()).contains(">Bank transfer</td>", ">BCA</td>", ">Settled</span>",
				"<option value=\"SETTLEMENT\" selected=\"selected\">Settled</option>",
				"<option value=\"bank_transfer\">Bank transfer</option>");
		Page detail = this.http.get("/admin/payments/" + orderId);
		assertThat(detail.text("payment-type")).isEqualTo("Bank transfer, BCA");
		assertThat(detail.text("payment-status")).isEqualTo("Settled");
		assertThat(detail.text("payment-amount")).isEqualTo("Rp 170.000");
		assertThat(detail.text("payment-notifications")).contains("Settled (200)", "Applied", "Rp 170.000")
			.doesNotContain("170000.00")
			.doesNotContain("PROCESSED");
	}

	@Test
	void invoiceBanksAreNamedAndOnlyOfferedOnesAccepted() {
		Page page = this.http.get("/admin/invoices");
		assertThat(page.body())
			.contains("<option value=\"BCA_VA\">BCA virtual account</option>",
					"<option value=\"MANDIRI_BILL\">Mandiri Bill Payment</option>")
			.doesNotContain("value=\"UNKNOWN\"")
			.doesNotContain(">BCA_VA<");

		Page refused = this.http.submit("/admin/invoices", "customer", "Dewi", "description", "Catering", "amount",
				"1000", "bank", "UNKNOWN");
		assertThat(refused.text("error"))
			.isEqualTo("Creating the invoice refused: please choose one of the virtual accounts offered");
	}

	@Test
	void destructiveActionsAskForConfirmation() {
		String pending = order("BCA_VA");
		Page detail = this.http.get("/admin/payments/" + pending);
		assertThat(detail.body()).containsPattern(
				"data-confirm=\"Cancel this payment\\?[^\"]*\">(\\s*<input[^>]*>)?\\s*<button[^>]*id=\"action-cancel\"")
			.containsPattern(
					"data-confirm=\"Expire this payment now\\?[^\"]*\">(\\s*<input[^>]*>)?\\s*<button[^>]*id=\"action-expire\"");

		String paid = paidOrder("GOPAY");
		assertThat(this.http.get("/admin/payments/" + paid).attribute("refund-form", "data-confirm"))
			.isEqualTo("Refund {amount} to the customer? Money sent back cannot be taken back.");

		this.http.submit("/admin/subscriptions", "name", "CONFIRM-CLUB", "amount", "85000", "interval", "2", "unit",
				"WEEK");
		Page subscriptions = this.http.get("/admin/subscriptions");
		assertThat(subscriptions.body()).contains("data-confirm=\"Cancel subscription CONFIRM-CLUB for good?",
				"data-confirm=\"Disable subscription CONFIRM-CLUB?", ">every 2 weeks<");

		this.http.submit("/admin/invoices", "customer", "Dewi", "description", "Catering", "amount", "1000", "bank",
				"BRI_VA");
		assertThat(this.http.get("/admin/invoices").body()).contains("data-confirm=\"Void invoice INV-");
	}

	private String order(String method) {
		long productId = this.products.findAll()
			.stream()
			.filter((product) -> product.getSku().equals("KOPI-250"))
			.findFirst()
			.orElseThrow()
			.getId();
		Page order = this.http.submit("/products/" + productId + "/checkout/core-api", "quantity", "2", "name",
				"Budi Utomo", "email", "budi@example.com", "method", method);
		assertThat(order.has("error")).as(order.text("error")).isFalse();
		return order.text("order-number");
	}

	private String paidOrder(String method) {
		String orderId = order(method);
		this.simulator.pay(orderId);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderId).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.FULFILLED);
		return orderId;
	}

	private MidtransInvoice latestInvoice() {
		return this.entityManager
			.createQuery("select i from MidtransInvoice i order by i.id desc", MidtransInvoice.class)
			.setMaxResults(1)
			.getSingleResult();
	}

	private MidtransInvoice invoice(String orderId) {
		this.entityManager.clear();
		return this.entityManager
			.createQuery("select i from MidtransInvoice i where i.orderId = :orderId", MidtransInvoice.class)
			.setParameter("orderId", orderId)
			.getSingleResult();
	}

	private MidtransSubscription latestSubscription() {
		return this.entityManager
			.createQuery("select s from MidtransSubscription s order by s.id desc", MidtransSubscription.class)
			.setMaxResults(1)
			.getSingleResult();
	}

	private static int count(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
