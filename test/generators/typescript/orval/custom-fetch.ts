// orval's fetch client calls relative URLs (`/users/…`); its documented way to add the app's base
// URL is a mutator like this one, named in the orval config the harness writes.
export const customFetch = async <T>(url: string, options: RequestInit): Promise<T> => {
  const response = await fetch(`${process.env.EASEMOB_BASE_URL}${url}`, options);
  const text = [204, 205, 304].includes(response.status) ? '' : await response.text();
  return { data: text ? JSON.parse(text) : {}, status: response.status, headers: response.headers } as T;
};
