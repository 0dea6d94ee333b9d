// House-to-house capture that works without signal: every capture is checked on the phone with the
// server's NIK rules, kept in the phone's storage, and sent when the phone is online. The server
// recognises a capture sent twice by its id and merges a NIK captured twice, so nothing is lost or doubled.
(function () {
    'use strict';
    var QUEUE = 'lindung.field.queue';
    var form = document.getElementById('field-form');
    if (!form) { return; }
    var messages = JSON.parse(form.dataset.messages || '{}');
    var areas = null;
    var saved = document.getElementById('field-saved');
    var lastSaved = null;

    // The confirmation above the next household member's fields: saved on the phone, then what the server answered.
    function showSaved(outcome) {
        var name = function () { return lastSaved.name; };
        var strong = document.createElement('strong');
        strong.textContent = outcome
            ? form.dataset.sent.replace('{1}', function () { return outcome; }).replace('{0}', name)
            : form.dataset.saved.replace('{0}', name);
        saved.textContent = '';
        saved.appendChild(strong);
        saved.appendChild(document.createTextNode(' ' + form.dataset.next));
    }

    function load() {
        try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
    }

    function store(queue) { localStorage.setItem(QUEUE, JSON.stringify(queue)); }

    function uuid() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }

    // The server's NikValidator, on the device: digits, length, district as issued (retired codes too), birth date 0-100 years ago, serial.
    function checkNik(text) {
        var digits = (text || '').replace(/[\s.\-]/g, '');
        if (!/^[0-9]*$/.test(digits)) { return messages.chars; }
        if (digits.length !== 16) { return messages.length; }
        if (areas) {
            var district = digits.slice(0, 6);
            var successor = areas.retired[district.slice(0, 4)];
            if (areas.districts.indexOf(district) < 0 && !(successor && areas.districts.indexOf(successor + district.slice(4)) >= 0)) {
                return messages.district;
            }
        }
        var day = parseInt(digits.slice(6, 8), 10), month = parseInt(digits.slice(8, 10), 10), yy = parseInt(digits.slice(10, 12), 10);
        if (day > 40) { day -= 40; }
        var today = new Date(form.dataset.today + 'T00:00:00Z');
        var year = 2000 + yy;
        if (year > today.getUTCFullYear()) { year -= 100; }
        var birth = new Date(Date.UTC(year, month - 1, day));
        if (month < 1 || month > 12 || day < 1 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth > today) { return messages.birth; }
        if (digits.slice(12) === '0000') { return messages.serial; }
        return null;
    }

    function render() {
        var queue = load();
        var count = document.getElementById('field-queue-count');
        count.textContent = String(queue.length);
        count.dataset.count = String(queue.length);
        var list = document.getElementById('field-queue');
        list.innerHTML = '';
        queue.forEach(function (c) {
            var li = document.createElement('li');
            li.dataset.capture = c.capture_id;
            li.textContent = c.name + ' · ' + c.nik.slice(0, 6) + '******' + c.nik.slice(12) + (c.error ? ' · ' + c.error : '');
            list.appendChild(li);
        });
        var status = document.getElementById('field-connection');
        status.textContent = navigator.onLine ? status.dataset.online : status.dataset.offline;
        status.dataset.state = navigator.onLine ? 'online' : 'offline';
    }

    function report(results, batch) {
        var list = document.getElementById('field-results');
        var names = {};
        batch.forEach(function (c) { names[c.capture_id] = c.name; });
        results.forEach(function (r) {
            var li = document.createElement('li');
            li.dataset.status = r.status;
            var text = (names[r.capture_id] ? names[r.capture_id] + ': ' : '') + (list.dataset[r.status] || r.status);
            if (r.errors && r.errors.length) { text += ': ' + r.errors.map(function (e) { return document.documentElement.lang === 'en' ? e.message_en : e.message_id; }).join(' '); }
            (r.conflicts || []).forEach(function (c) { text += ' · ' + list.dataset.conflict + ' ' + c.field + ': ' + c.stored + ' / ' + c.captured; });
            li.textContent = text;
            list.appendChild(li);
            if (lastSaved && r.capture_id === lastSaved.capture_id) { showSaved(list.dataset[r.status] || r.status); }
        });
    }

    // Cookie-authenticated writes to /api/v1 carry the page's antiforgery token.
    function csrf() {
        var meta = document.querySelector('meta[name="csrf-token"]');
        return meta ? meta.getAttribute('content') : '';
    }

    var syncing = false;
    function sync() {
        var queue = load();
        if (syncing || !navigator.onLine || queue.length === 0) { render(); return Promise.resolve(); }
        syncing = true;
        var batch = queue.slice(0, 200);
        return fetch('/api/v1/field/captures', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf() },
            body: JSON.stringify({ captures: batch.map(function (c) { var copy = Object.assign({}, c); delete copy.error; return copy; }) })
        }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        }).then(function (answer) {
            var done = {};
            var rejected = {};
            answer.results.forEach(function (r) {
                if (r.status === 'rejected') { rejected[r.capture_id] = r; } else { done[r.capture_id] = true; }
            });
            // Rejected captures stay on the phone with the reason until the officer corrects them: nothing captured is lost.
            store(load().filter(function (c) { return !done[c.capture_id]; }).map(function (c) {
                var r = rejected[c.capture_id];
                if (r) { c.error = r.errors.map(function (e) { return document.documentElement.lang === 'en' ? e.message_en : e.message_id; }).join(' '); }
                return c;
            }));
            report(answer.results, batch);
        }).catch(function () { /* offline again or the server is away: keep everything, try later */ })
          .then(function () { syncing = false; render(); });
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var error = document.getElementById('field-error');
        var nik = form.elements.nik.value.replace(/[\s.\-]/g, '');
        var name = form.elements.name.value.trim();
        var village = form.elements.village_code.value.trim();
        var problem = checkNik(nik) || (name ? null : form.dataset.nameRequired) || (village ? null : form.dataset.villageRequired);
        if (problem) { error.textContent = problem; error.hidden = false; saved.textContent = ''; return; }
        error.hidden = true;
        var income = parseInt(form.elements.income.value, 10);
        var queue = load();
        lastSaved = { capture_id: uuid(), name: name };
        queue.push({
            capture_id: lastSaved.capture_id, nik: nik, name: name, occupation: form.elements.occupation.value.trim() || null,
            income: isNaN(income) ? null : income, phone: form.elements.phone.value.trim() || null,
            says_member: form.elements.says_member.checked, consent: form.elements.consent.checked,
            village_code: village, captured_at: new Date().toISOString()
        });
        store(queue);
        ['nik', 'name', 'occupation', 'income', 'phone'].forEach(function (f) { form.elements[f].value = ''; });
        form.elements.says_member.checked = false;
        form.elements.consent.checked = false;
        // On a phone the save button sits below the fold: bring the confirmation and the next NIK into view.
        showSaved(null);
        form.elements.nik.focus({ preventScroll: true });
        saved.scrollIntoView({ block: 'nearest' });
        render();
        sync();
    });

    document.getElementById('field-sync').addEventListener('click', sync);
    window.addEventListener('online', sync);
    window.addEventListener('offline', render);
    fetch('/field?handler=Districts', { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) { areas = data; } })
        .catch(function () { /* offline before the list was cached: the server checks the district */ });
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/field-sw.js', { scope: '/field' }).catch(function () { });
    }
    render();
    sync();
})();
