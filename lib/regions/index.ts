export { AREAS, areaOf, areasOf, CITIES, citiesOf, cityNameOf, PROVINCES, provinceOf } from './divisions';
export { countyCore } from './names';
export { detectPlaces, type PlaceMention, placeLengthAtStart, resolveCounty } from './places';
export { isPovertyCounty, POVERTY_COUNTIES, type PovertyCounty, povertyCountyOf } from './poverty';
