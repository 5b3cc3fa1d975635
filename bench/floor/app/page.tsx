export const metadata = { title: 'Floor' };

export default function FloorPage() {
  return (
    <main>
      <h1>Floor</h1>
      <p>The smallest App Router page, for benchmarks.</p>
    </main>
  );
}
