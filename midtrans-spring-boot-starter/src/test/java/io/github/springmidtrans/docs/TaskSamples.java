package io.github.springmidtrans.docs;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.task.CheckPaymentStatusResult;
import io.github.springmidtrans.task.CheckPendingPaymentsResult;
import io.github.springmidtrans.task.PaymentTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

// The sample of docs/tasks.md, exactly as shown there.

@Service
class PaymentChecks {

	private static final Logger log = LoggerFactory.getLogger(PaymentChecks.class);

	private final PaymentTaskService tasks;

	PaymentChecks(PaymentTaskService tasks) {
		this.tasks = tasks;
	}

	void examples() {
		CheckPaymentStatusResult result = tasks.checkPaymentStatus("ORDER-123");
		tasks.checkPaymentStatusAsync("ORDER-123");
		tasks.processChargeAsync(ChargeRequest.bankTransfer("ORDER-124", 100_000, Bank.BCA).build())
			.thenAccept((charged) -> log.info("{} is {}", charged.orderId(), charged.transactionStatus()));
		tasks.processRefundAsync("ORDER-123", 50_000, "Customer request", false, "return-881");
		CheckPendingPaymentsResult queued = tasks.checkPendingPayments(); // periodic ones
																			// can be run
																			// by hand too
	}

}
