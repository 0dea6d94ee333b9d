// Fills the dashboard's "next steps" card from /api/v1/actions after the page has drawn, so the
// dashboard itself stays as fast as its snapshot; without JavaScript the card links to /actions.
(function () {
    'use strict';
    var card = document.getElementById('next-steps');
    if (!card) { return; }
    var list = card.querySelector('ol');
    var labels = JSON.parse(card.dataset.kinds);
    var locale = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
    var number = new Intl.NumberFormat(locale);
    fetch('/api/v1/actions', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (actions) {
            list.innerHTML = '';
            actions.slice(0, 5).forEach(function (a) {
                var li = document.createElement('li');
                li.dataset.kind = a.kind;
                var link = document.createElement('a');
                link.href = a.href;
                link.textContent = (labels[a.kind] || a.kind) + ' · ' + a.target;
                li.appendChild(link);
                li.appendChild(document.createTextNode(' — ' + number.format(a.workers) + ' ' + card.dataset.workers + ', Rp' + number.format(a.monthly_rupiah) + card.dataset.perMonth));
                list.appendChild(li);
            });
            card.dataset.loaded = String(actions.length);
            if (actions.length === 0) { card.querySelector('.hint').textContent = card.dataset.none; }
        })
        .catch(function () { card.dataset.loaded = 'error'; });
})();
