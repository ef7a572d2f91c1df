// Any other URL.
import { Link } from '../router/Link.js';

export function NotFoundPage() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address.
        <Link href="/">Back to the globe</Link>
        .
      </p>
    </div>
  );
}
