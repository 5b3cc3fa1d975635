import type { ReactNode } from 'react';

// The floor: the smallest App Router page, on the same Next.js and React as the site. Benchmarks
// compare every page against it. Keep it this small.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
