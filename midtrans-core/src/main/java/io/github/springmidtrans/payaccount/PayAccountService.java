package io.github.springmidtrans.payaccount;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.PayAccountResponse;
import io.github.springmidtrans.internal.LockedRows;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links GoPay accounts (GoPay tokenization) and keeps them in the database.
 *
 * <p>
 * Unlike charges, a link is recorded <em>after</em> Midtrans answers: Midtrans assigns
 * the account id, the call moves no money, and it takes no idempotency key, so there is
 * nothing to record first. A lost answer leaves an unused pending account at GoPay that
 * expires by itself. Midtrans is never called inside a database transaction.
 *
 * @since 0.1.0
 */
public class PayAccountService {

	private static final Logger logger = LoggerFactory.getLogger(PayAccountService.class);

	private final MidtransClient client;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Create a service.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param clock the clock for timestamps
	 */
	public PayAccountService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.client = client;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Start linking a GoPay account ({@code POST /v2/pay/account}) and record it
	 * {@link PayAccountState#PENDING} with its activation links; send the customer to
	 * {@link MidtransPayAccount#getActivationUrl()}.
	 * @param request the account to link
	 * @return the recorded account
	 * @throws MidtransException when GoPay refuses (for example an unknown phone number)
	 * or Midtrans cannot be reached
	 * @throws IllegalStateException when called inside a database transaction
	 */
	public MidtransPayAccount link(PayAccountRequest request) {
		requireNoTransaction("link");
		PayAccountResponse answer = this.client.payAccounts().create(request);
		String accountId = answer.accountId();
		if (accountId == null) {
			throw new IllegalStateException("Midtrans linked a pay account but sent no account_id");
		}
		return inTransaction(() -> {
			Instant now = this.clock.instant();
			MidtransPayAccount account = lock(accountId).orElseGet(() -> {
				MidtransPayAccount created = new MidtransPayAccount(accountId, request.gopayPartner().phoneNumber(),
						request.gopayPartner().countryCode(), now);
				this.entityManager.persist(created);
				return created;
			});
			account.apply(answer, now);
			return account;
		});
	}

	/**
	 * Read the account from Midtrans ({@code GET /v2/pay/account/{account_id}}) and apply
	 * it: after the customer approved (or a link notification) it becomes
	 * {@link PayAccountState#ENABLED}. Safe to repeat.
	 * @param accountId the account id
	 * @return the account afterwards
	 * @throws PayAccountNotFoundException when no such account is stored
	 * @throws MidtransException when Midtrans cannot be reached or answers an error
	 */
	public MidtransPayAccount refresh(String accountId) {
		requireNoTransaction("refresh");
		find(accountId);
		return applyAnswer(accountId, this.client.payAccounts().get(accountId));
	}

	/**
	 * Unbind the account ({@code POST /v2/pay/account/{account_id}/unbind}); it becomes
	 * {@link PayAccountState#DISABLED}. A disabled account returns without a call.
	 * @param accountId the account id
	 * @return the account afterwards
	 * @throws PayAccountNotFoundException when no such account is stored
	 * @throws MidtransException when GoPay refuses or Midtrans cannot be reached
	 */
	public MidtransPayAccount unbind(String accountId) {
		requireNoTransaction("unbind");
		MidtransPayAccount account = find(accountId);
		if (account.getStatus() == PayAccountState.DISABLED) {
			return account;
		}
		return applyAnswer(accountId, this.client.payAccounts().unbind(accountId));
	}

	/**
	 * Find an account.
	 * @param accountId the account id
	 * @return the account, if stored
	 */
	public Optional<MidtransPayAccount> findByAccountId(String accountId) {
		return inTransaction(() -> this.entityManager
			.createQuery("select a from MidtransPayAccount a where a.accountId = :id", MidtransPayAccount.class)
			.setParameter("id", accountId)
			.getResultStream()
			.findFirst());
	}

	private MidtransPayAccount applyAnswer(String accountId, PayAccountResponse answer) {
		return inTransaction(() -> {
			MidtransPayAccount account = lock(accountId).orElseThrow(() -> notFound(accountId));
			PayAccountState previous = account.getStatus();
			if (account.apply(answer, this.clock.instant())) {
				logger.info("Pay account '{}' moved {} -> {}", accountId, previous, account.getStatus());
			}
			return account;
		});
	}

	private Optional<MidtransPayAccount> lock(String accountId) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select a, a.version from MidtransPayAccount a where a.accountId = :id",
							Object[].class)
					.setParameter("id", accountId),
				MidtransPayAccount.class, MidtransPayAccount::getVersion);
	}

	private MidtransPayAccount find(String accountId) {
		return findByAccountId(accountId).orElseThrow(() -> notFound(accountId));
	}

	private static PayAccountNotFoundException notFound(String accountId) {
		return new PayAccountNotFoundException("No pay account with id '" + accountId + "' is stored");
	}

	private <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	private static void requireNoTransaction(String method) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("PayAccountService." + method + " calls Midtrans and must not run inside"
					+ " a database transaction");
		}
	}

}
