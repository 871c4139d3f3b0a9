/* Service worker of the site: keeps every page, the search and the form
   readable offline. The build (macros/tsp/steps/offline.py) replaces the
   marker below with the list of every built file and its SHA-256, so the
   worker changes byte for byte whenever the site does, and the browser
   installs the new build as a whole. One cache per build: pages are served
   only from the cache of the build that is active, never from two builds. */
"use strict";

const PRECACHE = /* TSP_PRECACHE */ null;
const CACHE = "tsp-" + PRECACHE.build;
const PREFIX = "tsp-";
const SCOPE = new URL(self.registration.scope);
const FILES = new Map(PRECACHE.files); // path below the scope -> integrity

function fileUrl(path) {
  return new URL(path, SCOPE).href;
}

// Fetch every file (bypassing the HTTP cache, checked against its hash)
// before storing any: a failed or mixed download fails the whole install.
async function precache() {
  const cache = await caches.open(CACHE);
  try {
    const responses = await Promise.all([...FILES].map(async ([path, integrity]) => {
      const response = await fetch(new Request(fileUrl(path), { cache: "reload", integrity }));
      if (!response.ok) throw new Error(`precache ${path}: HTTP ${response.status}`);
      return [path, response];
    }));
    await Promise.all(responses.map(([path, response]) => cache.put(fileUrl(path), response)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

async function dropOldBuilds() {
  const names = await caches.keys();
  await Promise.all(names
    .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
  await self.clients.claim();
}

// The page asks for this once nothing on it would be lost (see tsp-offline.js).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "TSP_SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("install", (event) => event.waitUntil(precache()));
self.addEventListener("activate", (event) => event.waitUntil(dropOldBuilds()));

function buildPath(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  let path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

async function fromBuild(path, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(fileUrl(path));
  return hit || fetch(request);
}

// A page that is not in this build: the network decides; offline, the
// build's own "page not found".
async function notInBuild(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const notFound = await cache.match(fileUrl("404.html"));
    if (notFound) return notFound;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = buildPath(new URL(request.url));
  if (path === null) return;
  if (FILES.has(path)) {
    event.respondWith(fromBuild(path, request));
  } else if (request.mode === "navigate") {
    event.respondWith(notInBuild(request));
  }
});
