// The geolocation credit DB-IP's free licence (CC BY 4.0) asks for wherever its locations are shown.
export function Credit({ className }: { className?: string }) {
  return (
    <p className={className ?? 'credit'}>
      <a href="https://db-ip.com" target="_blank" rel="noopener noreferrer">IP Geolocation by DB-IP</a>
    </p>
  );
}
