/* global self, clients */
/**
 * Hearth's service worker: shows a push (the server sends no content and no
 * names, since a lock screen is seen by others) and opens the page it points
 * to, in an open Hearth tab when there is one. It caches nothing.
 */
self.addEventListener('push', (event) => {
  let data = { title: 'Hearth', body: 'Something new is waiting for you', url: '/notifications', tag: 'hearth' };
  try {
    if (event.data) data = { ...data, ...event.data.json() };
  } catch {
    // A push that is not JSON still says that something is waiting.
  }
  event.waitUntil(
    self.registration.showNotification(data.title, {
      body: data.body,
      tag: data.tag,
      icon: '/icon-192.png',
      data: { url: data.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = typeof event.notification.data?.url === 'string' && event.notification.data.url.startsWith('/') ? event.notification.data.url : '/notifications';
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      // navigate() works only in a tab this worker controls: otherwise a new window opens the page.
      if (open) return open.navigate(target).then((client) => (client ?? open).focus()).catch(() => clients.openWindow(target));
      return clients.openWindow(target);
    }),
  );
});
