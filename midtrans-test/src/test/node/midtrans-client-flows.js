'use strict';
// Drives the standalone Midtrans simulator with the official Node.js client (npm
// "midtrans-client"), configured only, never patched. Run by NodeClientIT, which starts the
// simulator and sets the environment:
//   SIMULATOR_URL      plain URL of the simulator (control endpoints), e.g. http://localhost:8089
//   SERVER_KEY         server key the simulator accepts
//   CLIENT_KEY         client key the simulator accepts
//   NOTIFICATION_PORT  port this script receives the simulator's notifications on
//   MODE               "plain": base URLs pointed at the simulator through the client's
//                      ApiConfig settings; "proxy": the client's fixed sandbox URLs, reached
//                      through HTTPS_PROXY with the simulator's CA in NODE_EXTRA_CA_CERTS
// Prints one line per passed flow; exits non-zero on the first failure.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const midtransClient = require('midtrans-client');
const ApiConfig = require('midtrans-client/lib/apiConfig');

const simulator = process.env.SIMULATOR_URL;
const serverKey = process.env.SERVER_KEY;
const clientKey = process.env.CLIENT_KEY;
const mode = process.env.MODE;
const notificationPort = Number(process.env.NOTIFICATION_PORT);

if (mode === 'plain') {
  ApiConfig.CORE_SANDBOX_BASE_URL = simulator;
  ApiConfig.SNAP_SANDBOX_BASE_URL = simulator + '/snap/v1';
} else if (mode !== 'proxy') {
  throw new Error('MODE must be plain or proxy, got ' + mode);
}

const core = new midtransClient.CoreApi({ isProduction: false, serverKey, clientKey });
const snap = new midtransClient.Snap({ isProduction: false, serverKey, clientKey });
const wrongCore = new midtransClient.CoreApi({ isProduction: false, serverKey: 'SB-Mid-server-wrong', clientKey });
const wrongSnap = new midtransClient.Snap({ isProduction: false, serverKey: 'SB-Mid-server-wrong', clientKey });

const run = mode + '-' + Date.now().toString(36);
const orderId = (name) => `NODE-${name}-${run}`;

const notifications = [];
const waiters = [];

function receiveNotifications() {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      notifications.push(JSON.parse(body));
      waiters.splice(0).forEach((wake) => wake());
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('OK');
    });
  });
  return new Promise((resolve) => server.listen(notificationPort, '127.0.0.1', () => resolve(server)));
}

async function notificationFor(id, status) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const found = notifications.find((n) => n.order_id === id && n.transaction_status === status);
    if (found) {
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`No ${status} notification for ${id}; got ${JSON.stringify(notifications)}`);
    }
    await new Promise((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 200);
    });
  }
}

async function control(path) {
  const response = await fetch(simulator + path, { method: 'POST' });
  assert.equal(response.status, 200, `${path} answered ${response.status}`);
  return response.json();
}

async function rejects(promise, check) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.name, 'MidtransError', String(error));
    check(error);
    return error;
  }
  assert.fail('Expected a MidtransError');
}

const flows = [];
const flow = (name, body) => flows.push({ name, body });

flow('bank transfer charge, status, payment, notification handling', async () => {
  const id = orderId('VA');
  const charge = await core.charge({
    payment_type: 'bank_transfer',
    transaction_details: { order_id: id, gross_amount: 150000 },
    bank_transfer: { bank: 'bca' },
  });
  assert.equal(charge.status_code, '201');
  assert.equal(charge.transaction_status, 'pending');
  assert.equal(charge.va_numbers[0].bank, 'bca');
  assert.match(charge.va_numbers[0].va_number, /^\d+$/);

  const pending = await core.transaction.status(id);
  assert.equal(pending.transaction_status, 'pending');
  assert.equal(pending.order_id, id);

  await control(`/_simulator/transactions/${id}/pay`);
  const notification = await notificationFor(id, 'settlement');
  const signature = crypto
    .createHash('sha512')
    .update(notification.order_id + notification.status_code + notification.gross_amount + serverKey)
    .digest('hex');
  assert.equal(notification.signature_key, signature);

  const checked = await core.transaction.notification(JSON.stringify(notification));
  assert.equal(checked.transaction_status, 'settlement');
  assert.equal(checked.order_id, id);
  const b2b = await core.transaction.statusb2b(id);
  assert.equal(b2b.status_code, '200');
});

flow('GoPay charge and cancel', async () => {
  const id = orderId('GOPAY');
  const charge = await core.charge({
    payment_type: 'gopay',
    transaction_details: { order_id: id, gross_amount: 20000 },
  });
  assert.equal(charge.transaction_status, 'pending');
  assert.ok(charge.actions.some((action) => action.name === 'generate-qr-code'));
  const cancelled = await core.transaction.cancel(id);
  assert.equal(cancelled.transaction_status, 'cancel');
});

flow('QRIS charge, expire, and status 407 answered without an error', async () => {
  const id = orderId('QRIS');
  const charge = await core.charge({
    payment_type: 'qris',
    transaction_details: { order_id: id, gross_amount: 30000 },
  });
  assert.equal(charge.transaction_status, 'pending');
  assert.ok(charge.qr_string);
  const expired = await core.transaction.expire(id);
  assert.equal(expired.transaction_status, 'expire');
  const status = await core.transaction.status(id);
  assert.equal(status.status_code, '407');
  assert.equal(status.transaction_status, 'expire');
});

flow('ShopeePay and convenience store charges', async () => {
  const shopee = await core.charge({
    payment_type: 'shopeepay',
    transaction_details: { order_id: orderId('SHOPEE'), gross_amount: 15000 },
    shopeepay: { callback_url: 'https://shop.example/finish' },
  });
  assert.equal(shopee.transaction_status, 'pending');
  const cstore = await core.charge({
    payment_type: 'cstore',
    transaction_details: { order_id: orderId('CSTORE'), gross_amount: 25000 },
    cstore: { store: 'indomaret', message: 'Order' },
  });
  assert.equal(cstore.transaction_status, 'pending');
  assert.ok(cstore.payment_code);
});

flow('settled GoPay payment refunded, then refunded directly', async () => {
  const id = orderId('REFUND');
  await core.charge({ payment_type: 'gopay', transaction_details: { order_id: id, gross_amount: 50000 } });
  await control(`/_simulator/transactions/${id}/pay`);
  const refund = await core.transaction.refund(id, { refund_key: `${id}-r1`, amount: 10000, reason: 'partial' });
  assert.equal(refund.status_code, '200');
  assert.equal(refund.transaction_status, 'partial_refund');
  const direct = await core.transaction.refundDirect(id, { refund_key: `${id}-r2`, amount: 40000, reason: 'rest' });
  assert.equal(direct.status_code, '200');
  assert.equal(direct.transaction_status, 'refund');
});

flow('card token, card charge, card register', async () => {
  const card = { card_number: '4811111111111114', card_exp_month: '12', card_exp_year: '2030', card_cvv: '123', client_key: clientKey };
  const token = await core.cardToken(card);
  assert.equal(token.status_code, '200');
  assert.ok(token.token_id);
  const id = orderId('CARD');
  const charge = await core.charge({
    payment_type: 'credit_card',
    transaction_details: { order_id: id, gross_amount: 75000 },
    credit_card: { token_id: token.token_id, authentication: false },
  });
  assert.equal(charge.transaction_status, 'capture');
  assert.equal(charge.fraud_status, 'accept');
  const registered = await core.cardRegister({
    card_number: '4811111111111114', card_exp_month: '12', card_exp_year: '2030', client_key: clientKey,
  });
  assert.equal(registered.status_code, '200');
  assert.ok(registered.saved_token_id);
});

flow('Snap transaction token and redirect URL', async () => {
  const parameter = { transaction_details: { order_id: orderId('SNAP'), gross_amount: 120000 } };
  const transaction = await snap.createTransaction(parameter);
  assert.ok(transaction.token);
  assert.match(transaction.redirect_url, /\/snap\/v4\/redirection\//);
  const token = await snap.createTransactionToken({ transaction_details: { order_id: orderId('SNAP2'), gross_amount: 1000 } });
  assert.ok(token);
});

flow('subscription create, get, disable, enable, update', async () => {
  const registered = await core.cardRegister({
    card_number: '4811111111111114', card_exp_month: '12', card_exp_year: '2030', card_cvv: '123', client_key: clientKey,
  });
  const created = await core.createSubscription({
    name: 'NODE-PLAN',
    amount: '10000',
    currency: 'IDR',
    payment_type: 'credit_card',
    token: registered.saved_token_id,
    schedule: { interval: 1, interval_unit: 'month', max_interval: 12 },
  });
  assert.ok(created.id);
  assert.equal(created.status, 'active');
  const fetched = await core.getSubscription(created.id);
  assert.equal(fetched.id, created.id);
  assert.equal(fetched.name, 'NODE-PLAN');
  const disabled = await core.disableSubscription(created.id);
  assert.match(disabled.status_message, /Subscription is updated/);
  assert.equal((await core.getSubscription(created.id)).status, 'inactive');
  await core.enableSubscription(created.id);
  assert.equal((await core.getSubscription(created.id)).status, 'active');
  await core.updateSubscription(created.id, { name: 'NODE-PLAN', amount: '20000', currency: 'IDR', token: registered.saved_token_id });
  assert.equal((await core.getSubscription(created.id)).amount, '20000');
});

flow('errors: duplicate order, unknown order, wrong key on Core and Snap', async () => {
  const id = orderId('DUP');
  const body = { payment_type: 'gopay', transaction_details: { order_id: id, gross_amount: 10000 } };
  await core.charge(body);
  await rejects(core.charge(body), (error) => {
    assert.equal(error.httpStatusCode, '406');
    assert.equal(error.ApiResponse.status_code, '406');
  });
  await rejects(core.transaction.status(orderId('UNKNOWN')), (error) => {
    assert.equal(error.httpStatusCode, '404');
    assert.equal(error.ApiResponse.status_message, "Transaction doesn't exist.");
  });
  await rejects(wrongCore.transaction.status(id), (error) => {
    assert.equal(error.httpStatusCode, 401);
    assert.equal(error.ApiResponse.status_code, '401');
  });
  await rejects(wrongSnap.createTransaction({ transaction_details: { order_id: orderId('SNAPKEY'), gross_amount: 1000 } }),
    (error) => {
      assert.equal(error.httpStatusCode, 401);
      assert.match(error.ApiResponse.error_messages[0], /Access denied/);
    });
});

(async () => {
  const server = await receiveNotifications();
  let failed = false;
  for (const { name, body } of flows) {
    try {
      await body();
      console.log(`ok ${mode}: ${name}`);
    } catch (error) {
      failed = true;
      console.log(`FAILED ${mode}: ${name}: ${error && error.stack ? error.stack : error}`);
      if (error && error.ApiResponse) {
        console.log(`  API response: ${JSON.stringify(error.ApiResponse)}`);
      }
    }
  }
  server.close();
  process.exit(failed ? 1 : 0);
})();
