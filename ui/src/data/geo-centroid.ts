// A running centroid of locations on the sphere, for placing the site when it is not configured.

/** A running centroid of points on the sphere (mean of unit vectors: correct across the antimeridian). */
export class GeoCentroid {
  private x = 0;
  private y = 0;
  private z = 0;
  count = 0;

  add(lat: number, lng: number): void {
    // the globe's axes (three-globe's polar2Cartesian on the unit sphere)
    const phi = ((90 - lat) * Math.PI) / 180;
    const theta = ((90 - lng) * Math.PI) / 180;
    this.x += Math.sin(phi) * Math.cos(theta);
    this.y += Math.cos(phi);
    this.z += Math.sin(phi) * Math.sin(theta);
    this.count++;
  }

  /** The centroid, or undefined with no points (or points that cancel out). */
  value(): { lat: number; lng: number } | undefined {
    const len = Math.hypot(this.x, this.y, this.z);
    if (this.count === 0 || len < 1e-9) return undefined;
    // inverse of three-globe's polar2Cartesian: y = cos(phi), x = sin(phi)·cos(theta), z = sin(phi)·sin(theta)
    const lat = 90 - (Math.acos(this.y / len) * 180) / Math.PI;
    const theta = Math.atan2(this.z, this.x);
    let lng = 90 - (theta * 180) / Math.PI;
    if (lng > 180) lng -= 360;
    return { lat, lng };
  }
}
