// Asks before a form with a data-confirm question is sent; "{amount}" in the question is
// replaced by the form's amount field, so the person confirms what will really be sent.
document.addEventListener('submit', function (event) {
	var form = event.target;
	var question = form.getAttribute('data-confirm');
	if (!question) {
		return;
	}
	var amount = form.elements.namedItem('amount');
	if (amount && amount.value) {
		question = question.replace('{amount}', 'Rp ' + Number(amount.value).toLocaleString('id-ID'));
	}
	if (!window.confirm(question)) {
		event.preventDefault();
	}
});
