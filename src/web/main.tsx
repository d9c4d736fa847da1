import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
// The DOM RouterProvider lets a navigation render synchronously (`flushSync`) when order matters.
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api/client.js';
import './design/index.js';
import './pages/pages.css';
import './help/help.css';
import './community/feed.css';
import './community/thread.css';
import './community/groups.css';
import './community/pages.css';
import './safety/safety.css';
import { routes } from './routes.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; a dropped connection might.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

const router = createBrowserRouter(routes);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
