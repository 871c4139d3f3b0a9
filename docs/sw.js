/* Service worker of the site: keeps the pages, the search and the form
   readable offline after one visit, at a small cost in data.

   The build (macros/tsp/steps/precache.py) replaces the marker below with the manifest:
   `files`, fetched at install (pages, styles, scripts, search of the two
   languages), and `lazy`, cached only when the reader first opens one (PDFs,
   anything large), each with its SHA-256. Every cached response carries its
   hash, so a new build copies the files that did not change from the cache
   of the old one and downloads only the rest; an install that fails halfway
   keeps what it verified, and the next attempt fetches only what is missing.

   A new build takes over as soon as it is installed but never reloads a
   page: open pages stay as they are (typed text included) and the next page
   the reader opens comes from the new build. */
"use strict";

const PRECACHE = /* TSP_PRECACHE */ null;
const PREFIX = "tsp-";
const CACHE = PREFIX + PRECACHE.build;
const HASH = "X-TSP-Integrity";
const SCOPE = new URL(self.registration.scope);
const EAGER = new Map(PRECACHE.files); // path below the scope -> integrity
const LAZY = new Map(PRECACHE.lazy);
// Shown when a file that needs the network is opened offline (one per language).
const OFFLINE_PAGES = PRECACHE.offline;

function fileUrl(path) {
  return new URL(path, SCOPE).href;
}

// The response as stored: with the hash it was verified against.
function stamped(response, integrity) {
  const headers = new Headers(response.headers);
  headers.set(HASH, integrity);
  return new Response(response.body,
    { status: response.status, statusText: response.statusText, headers });
}

// The same file (same hash) from this build's cache or an older build's.
async function cached(url, integrity, names) {
  for (const name of names) {
    const hit = await (await caches.open(name)).match(url);
    if (hit && hit.headers.get(HASH) === integrity) return hit;
  }
  return null;
}

async function store(cache, names, path, integrity) {
  const url = fileUrl(path);
  if (await cached(url, integrity, [CACHE])) return;
  const old = await cached(url, integrity, names);
  if (old) return cache.put(url, old);
  const response = await fetch(new Request(url, { cache: "no-cache", integrity }));
  if (!response.ok) throw new Error(`precache ${path}: HTTP ${response.status}`);
  await cache.put(url, stamped(response, integrity));
}

async function install() {
  const cache = await caches.open(CACHE);
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  const results = await Promise.allSettled(
    [...EAGER].map(([path, integrity]) => store(cache, names, path, integrity)));
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason; // what was stored stays for the next attempt
  // Large files the reader opened under an older build, if they did not change.
  await Promise.all([...LAZY].map(async ([path, integrity]) => {
    const old = await cached(fileUrl(path), integrity, names);
    if (old) await cache.put(fileUrl(path), old);
  }));
  await self.skipWaiting();
}

async function dropOldBuilds() {
  const names = await caches.keys();
  await Promise.all(names
    .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
  await self.clients.claim();
}

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(dropOldBuilds()));

function buildPath(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  let path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

function language(path) {
  const first = path.split("/", 1)[0];
  return Object.prototype.hasOwnProperty.call(OFFLINE_PAGES, first) ? first : "";
}

// Offline, a page that needs the network says so (and lists what is cached).
// (a redirect, so that the page's relative links resolve from its own URL).
function needsNetwork(path, request, error) {
  const page = OFFLINE_PAGES[language(path)];
  if (request.mode !== "navigate" || !page) throw error;
  const target = new URL(page.replace(/index\.html$/, ""), SCOPE);
  target.searchParams.set("file", path);
  return Response.redirect(target.href, 302);
}

async function fromBuild(path, request) {
  const hit = await caches.match(fileUrl(path), { cacheName: CACHE });
  return hit || fetch(request);
}

// Cached the first time it is opened, checked against its hash.
async function onFirstUse(path, request) {
  const url = fileUrl(path);
  const integrity = LAZY.get(path);
  const hit = await caches.match(url, { cacheName: CACHE });
  if (hit) return hit;
  let response;
  try {
    response = await fetch(new Request(url, { integrity }));
  } catch (error) {
    return needsNetwork(path, request, error);
  }
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(url, stamped(response.clone(), integrity));
  }
  return response;
}

// A page that is not in this build: the network decides; offline, the
// build's own "page not found".
async function notInBuild(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = await caches.match(fileUrl("404.html"), { cacheName: CACHE });
    if (notFound) return notFound;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = buildPath(new URL(request.url));
  if (path === null) return;
  if (EAGER.has(path)) {
    event.respondWith(fromBuild(path, request));
  } else if (LAZY.has(path)) {
    event.respondWith(onFirstUse(path, request));
  } else if (request.mode === "navigate") {
    event.respondWith(notInBuild(request));
  }
});
