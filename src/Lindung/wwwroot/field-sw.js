// Keeps the capture page, its script and style, and the district list on the phone, so the page opens
// without signal; everything else goes to the network. Captures themselves live in the page's storage.
'use strict';
var CACHE = 'lindung-field-v1';
var SHELL = ['/field', '/js/field.js', '/css/site.css', '/field?handler=Districts'];

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).catch(function () { }));
    self.skipWaiting();
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    }));
    self.clients.claim();
});

self.addEventListener('fetch', function (event) {
    var url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== self.location.origin) { return; }
    var key = url.pathname === '/field' && !url.search ? '/field' : url.pathname + url.search;
    if (SHELL.indexOf(key) < 0 && SHELL.indexOf(url.pathname) < 0) { return; }
    // Network first, so a signed-in officer gets today's page; the cached copy when there is no signal.
    event.respondWith(fetch(event.request).then(function (response) {
        if (response.ok) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { cache.put(key, copy); });
        }
        return response;
    }).catch(function () {
        return caches.match(key).then(function (hit) { return hit || caches.match(url.pathname); });
    }));
});
